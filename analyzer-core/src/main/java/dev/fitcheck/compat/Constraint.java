package dev.fitcheck.compat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.VersionSet;

/**
 * One fact that limits which releases of a package a model can use, with its evidence:
 * {@code ==4.44.2} declared at requirements.txt:1, {@code <4.48.0} because mistral.py:24 imports
 * MistralFlashAttention2, {@code <4.52} because liger-kernel 0.5.10 requires it.
 */
public record Constraint(
        String model,
        String distribution,
        VersionSet allowed,
        ConstraintSource source,
        String reason,
        SourceLocation location) {

    /** "transformers ==4.44.2 (requirements.txt:1)" or "transformers <4.48.0 (MistralFlashAttention2, mistral.py:24)". */
    public String explain() {
        return distribution + " " + allowed + " (" + reason + ", " + location.lineDisplay() + ")";
    }
}
