package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * pip's arguments as optparse reads them: {@code --name=value}, {@code --name value}, an
 * unambiguous prefix of a long name, {@code -rFILE} or {@code -r FILE}, and everything else
 * positional. Unknown options are kept (with {@code option} null) for the caller to warn about.
 */
final class PipArguments {

    /** One word of a command or requirements line, where it is, and whether the shell would expand it. */
    record Word(String text, SourceLocation location, boolean dynamic) {
    }

    /** An option (null when unknown), the spelling used, its value (null for a flag), and where. */
    record Option(PipOption option, String written, String value, SourceLocation location) {
        /** {@code --name=value} or {@code --name}, for a requirement's install options. */
        String normalized() {
            String name = option != null ? option.longName : written;
            return value == null ? name : name + "=" + value;
        }
    }

    final List<Option> options = new ArrayList<>();
    final List<Word> positional = new ArrayList<>();

    private PipArguments() {
    }

    /** @throws InputError when an option that needs a value ends the line */
    static PipArguments parse(List<Word> words) {
        PipArguments out = new PipArguments();
        for (int k = 0; k < words.size(); k++) {
            Word w = words.get(k);
            String t = w.text();
            if (t.equals("--")) {
                out.positional.addAll(words.subList(k + 1, words.size()));
                break;
            }
            if (t.startsWith("--")) {
                int eq = t.indexOf('=');
                String name = eq < 0 ? t : t.substring(0, eq);
                PipOption o = PipOption.byLong(name);
                String value = eq < 0 ? null : t.substring(eq + 1);
                if (o != null && o.takesValue && value == null) {
                    k = needValue(words, k, name);
                    value = words.get(k).text();
                }
                out.options.add(new Option(o, name, o == null || o.takesValue ? value : null, w.location()));
            } else if (t.startsWith("-") && t.length() > 1) {
                PipOption o = PipOption.byShort(t.substring(0, 2));
                if (o != null && o.takesValue) {
                    String value = t.substring(2);
                    if (value.isEmpty()) {
                        k = needValue(words, k, t);
                        value = words.get(k).text();
                    }
                    out.options.add(new Option(o, t.substring(0, 2), value, w.location()));
                } else if (o != null && t.length() == 2) {
                    out.options.add(new Option(o, t, null, w.location()));
                } else if (o != null && clusteredFlags(t)) {
                    for (int c = 1; c < t.length(); c++) {
                        out.options.add(new Option(PipOption.byShort("-" + t.charAt(c)), "-" + t.charAt(c), null, w.location()));
                    }
                } else {
                    out.options.add(new Option(null, t, null, w.location()));
                }
            } else {
                out.positional.add(w);
            }
        }
        return out;
    }

    /** {@code -qU}: every letter a known flag. */
    private static boolean clusteredFlags(String t) {
        for (int c = 1; c < t.length(); c++) {
            PipOption o = PipOption.byShort("-" + t.charAt(c));
            if (o == null || o.takesValue) {
                return false;
            }
        }
        return true;
    }

    private static int needValue(List<Word> words, int k, String name) {
        if (k + 1 >= words.size()) {
            throw new InputError(words.get(k).location(), "option " + name + " needs a value after it");
        }
        return k + 1;
    }
}
