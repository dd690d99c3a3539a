package dev.fitcheck.compat;

/** Where a constraint on a package's releases comes from. */
public enum ConstraintSource {
    /** A manifest pins or bounds it. */
    DECLARED,
    /** The code needs a symbol that first appears in a release. */
    INFERRED_LOWER,
    /** The code needs a symbol that a later release removed. */
    INFERRED_UPPER,
    /** Another package the model declares requires it (from that package's wheel metadata). */
    TRANSITIVE;

    public boolean inferred() {
        return this == INFERRED_LOWER || this == INFERRED_UPPER;
    }
}
