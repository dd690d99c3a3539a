package dev.fitcheck.catalogue;

import java.util.Map;

/**
 * What a module-level name or a class member is. The one-letter codes are the store's and never
 * change. The first eight are Python's; Java adds its kinds of type (a Java class is
 * {@link #CLASS}), constructors and fields.
 */
public enum SymbolKind {
    CLASS("C"),
    FUNCTION("F"),
    VARIABLE("V"),
    /** A name bound by importing it from elsewhere: a re-export or a lazy export. */
    IMPORT("I"),
    SUBMODULE("S"),
    METHOD("M"),
    PROPERTY("P"),
    ATTRIBUTE("A"),
    INTERFACE("N"),
    ENUM("E"),
    RECORD("R"),
    /** A Java annotation type ({@code @interface}). */
    ANNOTATION("T"),
    /** A Java constructor ({@code <init>}): linked like a method, never inherited. */
    CONSTRUCTOR("K"),
    /** A Java field. */
    FIELD("D");

    private static final Map<String, SymbolKind> BY_CODE = byCode();

    private final String code;

    SymbolKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    private static Map<String, SymbolKind> byCode() {
        Map<String, SymbolKind> m = new java.util.HashMap<>();
        for (SymbolKind k : values()) m.put(k.code, k);
        return Map.copyOf(m);
    }

    public static SymbolKind ofCode(String code) {
        SymbolKind k = BY_CODE.get(code);
        if (k == null) {
            throw new IllegalArgumentException("unknown symbol kind code '" + code + "'");
        }
        return k;
    }

    /** Whether catalogue format version 1 (Python's eight kinds) can hold this kind. */
    public boolean inFormat1() {
        return ordinal() <= ATTRIBUTE.ordinal();
    }

    /** {@code class}, {@code function}, as people read them. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
