package dev.fitcheck.compat;

import java.util.List;

/**
 * How to move code off a symbol a release removed: the symbol, the release that dropped it, what
 * replaces it, how to migrate, and how much work it is ("small": rename; "medium": new call shape;
 * "large": rewrite against a new mechanism).
 */
public record MigrationRule(
        String distribution,
        String symbol,
        String removedIn,
        String replacement,
        String how,
        String effort,
        List<String> references) {

    public MigrationRule {
        references = List.copyOf(references);
    }

    /** The last dotted segment, as code names it: {@code MistralFlashAttention2}. */
    public String shortName() {
        return symbol.substring(symbol.lastIndexOf('.') + 1);
    }
}
