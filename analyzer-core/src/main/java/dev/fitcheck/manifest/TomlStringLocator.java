package dev.fitcheck.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of a value in TOML source. Jackson's TOML reader gives a tree without positions,
 * so this scans the text for what positions need: every string literal with its decoded value and
 * line, table headers, and key lines.
 */
final class TomlStringLocator {

    record Literal(String value, int line) {
    }

    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\[\\]]+?)\\s*\\]\\s*(#.*)?$");

    private final List<String> lines;
    private final List<Literal> literals = new ArrayList<>();
    private final boolean[] used;

    TomlStringLocator(String source) {
        this.lines = source.lines().toList();
        scan(source);
        this.used = new boolean[literals.size()];
    }

    /** The 1-based line of the {@code [name]} header, or 0. */
    int header(String name) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (m.matches() && m.group(1).replaceAll("\\s+", "").replace("\"", "").equals(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line of {@code key = } inside the table whose header is on {@code headerLine} (0: top level), or 0. */
    int key(int headerLine, String key) {
        Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=");
        for (int i = headerLine; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                return 0;
            }
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The line of the first string literal equal to {@code value} at or after {@code fromLine} that
     * no earlier call returned (so a requirement written twice finds both lines), or 0.
     */
    int literal(String value, int fromLine) {
        for (int k = 0; k < literals.size(); k++) {
            Literal l = literals.get(k);
            if (!used[k] && l.line() >= fromLine && l.value().equals(value)) {
                used[k] = true;
                return l.line();
            }
        }
        return 0;
    }

    private void scan(String s) {
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                boolean multi = s.startsWith(c == '"' ? "\"\"\"" : "'''", i);
                String quote = multi ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int start = i + quote.length();
                int end = start;
                while (end < n && !s.startsWith(quote, end) && (multi || s.charAt(end) != '\n')) {
                    end += c == '"' && s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, n);
                String raw = s.substring(start, end);
                literals.add(new Literal(c == '"' ? unescape(raw) : raw, line));
                for (int k = i; k < Math.min(n, end + quote.length()); k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = Math.min(n, end + quote.length());
            } else {
                i++;
            }
        }
    }

    private static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                b.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    if (i + 1 + digits <= raw.length()) {
                        b.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16));
                        i += digits;
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
