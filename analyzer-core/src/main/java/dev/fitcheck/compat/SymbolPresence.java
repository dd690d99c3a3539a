package dev.fitcheck.compat;

import java.util.BitSet;
import java.util.Optional;

/**
 * Where a dotted path lives in a package and the releases that have it: {@code module} always,
 * {@code name} when the path goes below a module, {@code member} when it goes below a class.
 */
public record SymbolPresence(String module, Optional<String> name, Optional<String> member, BitSet releases) {

    public SymbolPresence {
        releases = (BitSet) releases.clone();
    }

    @Override
    public BitSet releases() {
        return (BitSet) releases.clone();
    }

    /** {@code modeling_mistral.MistralFlashAttention2} or {@code Trainer.compute_loss}, as reports name it. */
    public String shortName() {
        if (name.isEmpty()) return module;
        return member.map(m -> name.get() + "." + m).orElse(name.get());
    }

    public String qualifiedName() {
        return module + name.map(n -> "." + n).orElse("") + member.map(m -> "." + m).orElse("");
    }
}
