package dev.fitcheck.python;

/** What a module-level name is bound to. */
public enum NameKind {
    CLASS,
    FUNCTION,
    VARIABLE,
    /** Bound by an import statement (a re-export when the source is inside the package). */
    IMPORT,
    /** A module or package inside this package, importable as {@code from pkg import sub}. */
    SUBMODULE
}
