package dev.fitcheck.java;

/** What a reference names. */
public enum SymbolKind {
    CLASS,
    METHOD,
    CONSTRUCTOR,
    FIELD,
    /** Any field or method of that name: what {@code import static a.B.name;} needs to compile. */
    MEMBER
}
