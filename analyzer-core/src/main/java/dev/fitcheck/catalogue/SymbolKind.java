package dev.fitcheck.catalogue;

import java.util.Map;

/** What a module-level name or a class member is. The one-letter codes are the store's and never change. */
public enum SymbolKind {
    CLASS("C"),
    FUNCTION("F"),
    VARIABLE("V"),
    /** A name bound by importing it from elsewhere: a re-export or a lazy export. */
    IMPORT("I"),
    SUBMODULE("S"),
    METHOD("M"),
    PROPERTY("P"),
    ATTRIBUTE("A");

    private static final Map<String, SymbolKind> BY_CODE = Map.of(
            "C", CLASS, "F", FUNCTION, "V", VARIABLE, "I", IMPORT, "S", SUBMODULE, "M", METHOD, "P", PROPERTY,
            "A", ATTRIBUTE);

    private final String code;

    SymbolKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SymbolKind ofCode(String code) {
        SymbolKind k = BY_CODE.get(code);
        if (k == null) {
            throw new IllegalArgumentException("unknown symbol kind code '" + code + "'");
        }
        return k;
    }

    /** {@code class}, {@code function}, as people read them. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
