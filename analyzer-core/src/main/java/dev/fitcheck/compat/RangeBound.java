package dev.fitcheck.compat;

import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.Version;

/**
 * One end of an inferred range and the reference that sets it. For a lower bound, {@code version}
 * is the first release that has the symbol ({@code >=version}); for an upper bound, the first
 * release after the range that lacks it ({@code <version}).
 */
public record RangeBound(Version version, boolean upper, SymbolReference reference, String symbol) {

    /** "upper bound <4.48.0: MistralFlashAttention2, Vidi_7B/model/lmm/dattn/mistral.py:24". */
    public String explain() {
        return (upper ? "upper bound <" : "lower bound >=") + version + ": " + symbol + ", "
                + reference.location().lineDisplay();
    }
}
