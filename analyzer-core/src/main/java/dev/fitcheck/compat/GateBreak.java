package dev.fitcheck.compat;

import dev.fitcheck.evidence.SourceLocation;

/**
 * Why a model breaks on a proposed release: the place in its code or manifest, the symbol or pin
 * involved, and a sentence that says what the release lacks.
 */
public record GateBreak(
        String model,
        String distribution,
        String target,
        Kind kind,
        SourceLocation location,
        String symbol,
        String reason) {

    public enum Kind {
        /** The code uses a symbol the release does not have. */
        MISSING_SYMBOL,
        /** The code passes a keyword the release's callable does not accept. */
        REJECTED_KEYWORD,
        /** A manifest's specifier excludes the release. */
        PIN_EXCLUDES,
        /** Another declared package requires a different release. */
        TRANSITIVE,
        /** A lint rule says this call fails on the release. */
        RULE
    }
}
