package dev.fitcheck.python;

/** What a class body binds. */
public enum MemberKind {
    METHOD,
    /** A def decorated with {@code @property}, {@code @cached_property} or a property's setter/getter/deleter. */
    PROPERTY,
    /** An assignment or annotation in the class body. */
    ATTRIBUTE,
    /** A nested class. */
    CLASS
}
