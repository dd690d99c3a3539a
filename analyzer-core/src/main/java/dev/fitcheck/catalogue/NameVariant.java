package dev.fitcheck.catalogue;

import java.util.Objects;
import java.util.Optional;

/**
 * One way a name is bound, and the versions in which it is bound that way: {@code LlamaModel} in
 * module {@code transformers} is a lazy export ({@link SymbolKind#IMPORT}) whose target is
 * {@code transformers.models.llama.modeling_llama:LlamaModel}.
 *
 * @param typeOnly bound only for type checkers (Python's {@code if TYPE_CHECKING:}); not there at run time
 * @param exported taken by a star import of the module
 * @param target   where the definition lives, {@code module:name} or a module alone; null for a
 *                 definition in this module
 */
public record NameVariant(SymbolKind kind, boolean typeOnly, boolean exported, String target, IndexRanges versions) {

    public NameVariant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(versions, "versions");
    }

    public Optional<String> targetOpt() {
        return Optional.ofNullable(target);
    }
}
