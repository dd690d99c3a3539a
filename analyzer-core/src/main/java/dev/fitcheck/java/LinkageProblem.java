package dev.fitcheck.java;

import java.util.Objects;

/**
 * A compiled class on the class path that links against something its provider lacks: a jar
 * compiled against an older release of another. {@code sourceId} is the artifact the calling class
 * comes from; {@code provider} the entry (label) that should hold the class.
 */
public record LinkageProblem(JavaReference reference, LookupOutcome outcome, String sourceId, String provider)
        implements Comparable<LinkageProblem> {

    public LinkageProblem {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(outcome, "outcome");
        if (!(reference.site() instanceof ClassFileSite)) {
            throw new IllegalArgumentException("a linkage problem comes from a compiled class");
        }
    }

    public ClassFileSite site() {
        return (ClassFileSite) reference.site();
    }

    /** The same problem whatever the caller's release or line: how a gate tells new problems from old ones. */
    public String key() {
        JavaSymbol s = reference.symbol();
        return sourceId + " " + site().className() + " " + s.kind() + " " + s.owner() + "." + s.name() + s.descriptor();
    }

    /** {@code com.acme:lib:1.0 com.acme.Lib (Lib.java:7): com.google...toStringHelper(Object) is absent from com.google.guava:guava:21.0}. */
    public String sentence() {
        return reference.site().display() + ": " + reference.symbol().display() + " " + describe(outcome) + " " + provider;
    }

    static String describe(LookupOutcome outcome) {
        return switch (outcome) {
            case CLASS_MISSING -> "is a class absent from";
            case MEMBER_MISSING -> "is absent from";
            case STATIC_MISMATCH -> "changed between static and instance in";
            case OVERRIDES_FINAL -> "is overridden here but final in";
            case EXTENDS_FINAL -> "is extended here but final in";
            case FOUND, UNKNOWN -> "resolves in";
        };
    }

    @Override
    public int compareTo(LinkageProblem o) {
        return reference.compareTo(o.reference);
    }
}
