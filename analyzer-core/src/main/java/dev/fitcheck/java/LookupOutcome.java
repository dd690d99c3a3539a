package dev.fitcheck.java;

/** What looking a class or member up in a {@link ClassWorld} found. */
public enum LookupOutcome {
    FOUND,
    /** The class itself is absent: {@code NoClassDefFoundError} at run time, a compile error in source. */
    CLASS_MISSING,
    /** The class exists but neither it nor any supertype has the member: {@code NoSuchMethodError}/{@code NoSuchFieldError}. */
    MEMBER_MISSING,
    /** The member exists but static where an instance member was linked, or the reverse: {@code IncompatibleClassChangeError}. */
    STATIC_MISMATCH,
    /** A class of another jar overrides a method that is final here: {@code IncompatibleClassChangeError} when it loads. */
    OVERRIDES_FINAL,
    /** A class of another jar extends a class that is final here: {@code IncompatibleClassChangeError} when it loads. */
    EXTENDS_FINAL,
    /** A supertype on the way is outside the world (an optional dependency): absence cannot be proven. */
    UNKNOWN;

    /** Whether this outcome proves the reference would fail. */
    public boolean breaks() {
        return this != FOUND && this != UNKNOWN;
    }
}
