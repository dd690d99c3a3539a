package dev.fitcheck.java;

import java.util.Objects;

/**
 * Why a range stops where it does: the first release beyond the bound ({@code failingVersion}),
 * the reference that fails there, how it fails, and how many other references fail there too.
 */
public record RangeBound(String failingVersion, JavaReference evidence, LookupOutcome outcome, int alsoFailing) {

    public RangeBound {
        Objects.requireNonNull(failingVersion, "failingVersion");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** {@code com.google.common.base.Objects.toStringHelper(Object) at src/.../App.java:9 is absent from 21.0}. */
    public String sentence() {
        String how = switch (outcome) {
            case CLASS_MISSING -> "is a class absent from";
            case MEMBER_MISSING -> "is absent from";
            case STATIC_MISMATCH -> "changed between static and instance in";
            case OVERRIDES_FINAL -> "is overridden here but final in";
            case EXTENDS_FINAL -> "is extended here but final in";
            case FOUND, UNKNOWN -> "resolves in";
        };
        String more = alsoFailing > 0 ? " (and " + alsoFailing + " more reference" + (alsoFailing == 1 ? "" : "s") + ")" : "";
        return evidence.symbol().display() + " at " + evidence.site().display() + " " + how + " " + failingVersion + more;
    }
}
