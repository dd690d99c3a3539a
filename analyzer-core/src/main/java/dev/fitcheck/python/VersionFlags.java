package dev.fitcheck.python;

import dev.fitcheck.version.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a module sets to a version check, to be tested later:
 * {@code is_transformers_ge_v5 = packaging.version.parse(transformers.__version__) >= packaging.version.parse("5.0.0.dev0")}
 * then {@code if is_transformers_ge_v5:} here or in any module that imports the name. peft keeps
 * its checks this way in peft/import_utils.py; trl in module constants. Read from the text: an
 * assignment of a name to a comparison of an imported package's {@code __version__} with a
 * literal version.
 */
public final class VersionFlags {

    /** A call that turns a version string into a comparable version: packaging's parse or Version, and their cousins. */
    static final String PARSE = "(?:[\\w.]*?)(?:parse|Version|LooseVersion|parse_version)";
    private static final Pattern ASSIGNED = Pattern.compile("(?m)^[ \\t]*(\\w+)[ \\t]*=[ \\t]*(?:\\(\\s*)?"
            + PARSE + "\\(\\s*(\\w+)\\.__version__\\s*\\)\\s*(>=|<=|==|!=|>|<)\\s*" + PARSE + "\\(\\s*[\"']([^\"']+)[\"']\\s*,?\\s*\\)");

    private VersionFlags() {
    }

    /** The flags one source sets, by name. */
    public static Map<String, Guard> of(String text) {
        Map<String, Guard> out = new HashMap<>();
        if (!text.contains("__version__")) return out;
        Matcher m = ASSIGNED.matcher(text);
        while (m.find()) {
            String pkg = m.group(2);
            if (!Pattern.compile("\\bimport[ \\t]+([\\w.]+[ \\t]*,[ \\t]*)*" + Pattern.quote(pkg) + "\\b").matcher(text).find()) {
                continue; // not a package imported here by its own name
            }
            if (Version.tryParse(m.group(4)).isEmpty()) continue;
            out.put(m.group(1), new Guard(Guard.Kind.VERSION, pkg, m.group(3) + m.group(4), true));
        }
        return out;
    }
}
