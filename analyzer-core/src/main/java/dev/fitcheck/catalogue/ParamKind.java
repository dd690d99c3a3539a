package dev.fitcheck.catalogue;

/** How a parameter may be passed: the kinds Python's inspect module names, which cover Java's positional ones. */
public enum ParamKind {
    POSITIONAL_ONLY,
    POSITIONAL_OR_KEYWORD,
    VAR_POSITIONAL,
    KEYWORD_ONLY,
    VAR_KEYWORD
}
