package dev.fitcheck.python;

/** The kinds of a Python parameter, as {@code inspect.Parameter} names them. */
public enum ParameterKind {
    POSITIONAL_ONLY,
    POSITIONAL_OR_KEYWORD,
    VAR_POSITIONAL,
    KEYWORD_ONLY,
    VAR_KEYWORD
}
