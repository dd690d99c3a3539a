package dev.fitcheck.cli.peer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pyright diagnostic read as a complaint about one package's API, in the four shapes pyright
 * uses for "this release lacks what the code names": a module that does not resolve, a name that
 * a {@code from M import} cannot find, an attribute a module object lacks, and a name used after
 * {@code from M import *} that the star import did not bind. {@code module} is the package module
 * the complaint is about; {@code name} the missing name in it (empty for a missing module).
 */
public record ApiComplaint(PyrightDiagnostic diagnostic, Kind kind, String module, Optional<String> name) {

    public enum Kind { MISSING_MODULE, UNKNOWN_IMPORT_SYMBOL, MODULE_ATTRIBUTE, UNDEFINED_STAR_NAME }

    private static final Pattern MISSING_MODULE = Pattern.compile("Import \"([\\w.]+)\" could not be resolved");
    private static final Pattern UNKNOWN_SYMBOL = Pattern.compile("\"(\\w+)\" is unknown import symbol");
    private static final Pattern MODULE_ATTRIBUTE = Pattern.compile("\"(\\w+)\" is not a known attribute of module \"([\\w.]+)\"");
    private static final Pattern UNDEFINED = Pattern.compile("\"(\\w+)\" is not defined");
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+([\\w.]+)\\s+import\\b");
    private static final Pattern STAR_IMPORT = Pattern.compile("(?m)^\\s*from\\s+([\\w.]+)\\s+import\\s+\\*");

    /** The symbol as a dotted path: {@code transformers.processing_utils.Unpack}. */
    public String path() {
        return name.map(n -> module + "." + n).orElse(module);
    }

    /**
     * The complaint {@code d} makes about package {@code topLevel}, if it is one. {@code source} is
     * the file's text: pyright names the missing import symbol but not the module it was imported
     * from, and names an undefined variable without saying which star import should have bound it.
     */
    public static Optional<ApiComplaint> read(PyrightDiagnostic d, String topLevel, String source) {
        Matcher m;
        switch (d.rule()) {
            case "reportMissingImports":
                m = MISSING_MODULE.matcher(d.message());
                if (m.find() && within(m.group(1), topLevel)) {
                    return Optional.of(new ApiComplaint(d, Kind.MISSING_MODULE, m.group(1), Optional.empty()));
                }
                return Optional.empty();
            case "reportAttributeAccessIssue":
                m = UNKNOWN_SYMBOL.matcher(d.message());
                if (m.find()) {
                    String name = m.group(1);
                    return importingModule(source, d.line()).filter(mod -> within(mod, topLevel))
                            .map(mod -> new ApiComplaint(d, Kind.UNKNOWN_IMPORT_SYMBOL, mod, Optional.of(name)));
                }
                m = MODULE_ATTRIBUTE.matcher(d.message());
                if (m.find() && within(m.group(2), topLevel)) {
                    return Optional.of(new ApiComplaint(d, Kind.MODULE_ATTRIBUTE, m.group(2), Optional.of(m.group(1))));
                }
                return Optional.empty();
            case "reportUndefinedVariable":
                m = UNDEFINED.matcher(d.message());
                if (!m.find()) return Optional.empty();
                String name = m.group(1);
                Matcher star = STAR_IMPORT.matcher(source);
                while (star.find()) {
                    if (within(star.group(1), topLevel)) {
                        return Optional.of(new ApiComplaint(d, Kind.UNDEFINED_STAR_NAME, star.group(1), Optional.of(name)));
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static boolean within(String module, String topLevel) {
        return module.equals(topLevel) || module.startsWith(topLevel + ".");
    }

    /** The module of the {@code from M import} statement that line {@code line} belongs to (parenthesised lists included). */
    static Optional<String> importingModule(String source, int line) {
        List<String> lines = source.lines().toList();
        for (int i = Math.min(line, lines.size()) - 1; i >= 0 && i >= line - 60; i--) {
            Matcher m = FROM_IMPORT.matcher(lines.get(i));
            if (m.find()) return Optional.of(m.group(1));
            if (i < line - 1 && !lines.get(i).isBlank() && !continuesImport(lines.get(i))) return Optional.empty();
        }
        return Optional.empty();
    }

    /** A line inside a parenthesised import list: names, commas, comments, a closing parenthesis. */
    private static boolean continuesImport(String text) {
        return text.strip().matches("[\\w\\s,()]*(#.*)?");
    }
}
