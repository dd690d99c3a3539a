package dev.fitcheck.compat;

import dev.fitcheck.python.SymbolReference;
import java.util.BitSet;

/** A reference looked up in its package's history: the symbol it turned out to be and the releases that have it. */
public record ResolvedReference(SymbolReference reference, SymbolPresence symbol, BitSet releases) {

    public ResolvedReference {
        releases = (BitSet) releases.clone();
    }

    /** How reports name it: {@code MistralFlashAttention2}, or {@code BitsAndBytesConfig(load_in_4bit=)} for a keyword. */
    public String label() {
        return reference.keyword().map(k -> symbol.shortName() + "(" + k + "=)").orElse(symbol.shortName());
    }

    @Override
    public BitSet releases() {
        return (BitSet) releases.clone();
    }
}
