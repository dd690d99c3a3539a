package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;

/**
 * An expression or type the symbol solver could not resolve against the class path: it bounds
 * nothing (a wrong guess would put a wrong bound on a range), and reports count it so a reader
 * knows how much of the code the answer covers.
 */
public record UnresolvedUse(SourceLocation location, String text, String reason) implements Comparable<UnresolvedUse> {

    @Override
    public int compareTo(UnresolvedUse o) {
        return location.compareTo(o.location);
    }
}
