package dev.fitcheck.compat;

import dev.fitcheck.evidence.SourceLocation;

/** Where a model's pin and its code disagree about a package, and how much it matters. */
public record Disagreement(String model, String distribution, Kind kind, SourceLocation location, String sentence) {

    public enum Kind {
        /** No release satisfies both the pin and the code: the model cannot run as declared. */
        PIN_EXCLUDES_CODE,
        /** The pin allows releases on which the code cannot run: an install may pick one. */
        PIN_ALLOWS_UNRUNNABLE,
        /** The pin is narrower than the code needs: safe, but it blocks sharing and upgrades. */
        PIN_NARROWER_THAN_CODE
    }
}
