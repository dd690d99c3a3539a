package dev.fitcheck.java;

import java.util.Objects;

/**
 * A reference in the project's sources that resolves on the class path before the upgrade and
 * fails after it; {@code provider} is the artifact (with its new release) that no longer has it.
 */
public record UpgradeBreak(JavaReference reference, LookupOutcome outcome, String provider)
        implements Comparable<UpgradeBreak> {

    public UpgradeBreak {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(provider, "provider");
    }

    public String sentence() {
        return reference.site().display() + ": " + reference.symbol().display() + " "
                + LinkageProblem.describe(outcome) + " " + provider;
    }

    @Override
    public int compareTo(UpgradeBreak o) {
        return reference.compareTo(o.reference);
    }
}
