package dev.fitcheck.python;

import dev.fitcheck.evidence.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One use of an external package's API in a model's source, as written: a dotted path such as
 * {@code transformers.models.mistral.modeling_mistral.MistralFlashAttention2}, what kind of use it
 * is, whether it binds the code (a required import) or not (optional, type-only), and where.
 *
 * <p>The path is not split into module, name and member here: only the package's catalogue knows
 * whether {@code a.b.c} is a module, a name in {@code a.b} or a member of class {@code a.b}; the
 * resolver splits it against the catalogue. {@code keyword} is set for keyword arguments passed to
 * the callable at {@code path}. {@code guards} are the version and hasattr conditions the use runs
 * under (its import's and its own).
 */
public record SymbolReference(
        String path,
        ReferenceKind kind,
        ImportCondition condition,
        Optional<String> keyword,
        SourceLocation location,
        List<Guard> guards) implements Comparable<SymbolReference> {

    public SymbolReference {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a reference needs a path");
        }
        guards = List.copyOf(guards);
    }

    /** A reference that runs unconditionally (no version or hasattr guard around it). */
    public SymbolReference(String path, ReferenceKind kind, ImportCondition condition, Optional<String> keyword,
            SourceLocation location) {
        this(path, kind, condition, keyword, location, List.of());
    }

    public SymbolReference withCondition(ImportCondition c) {
        return new SymbolReference(path, kind, c, keyword, location, guards);
    }

    /** The top-level import name: {@code transformers} for {@code transformers.cache_utils.Cache}. */
    public String topLevel() {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** Whether this reference can bound a version range (optional and type-only imports cannot). */
    public boolean binding() {
        return condition == ImportCondition.REQUIRED;
    }

    /** {@code MistralFlashAttention2} or {@code BitsAndBytesConfig(load_in_4bit=)}: how reports name it. */
    public String display() {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return keyword.map(k -> last + "(" + k + "=)").orElse(last);
    }

    @Override
    public int compareTo(SymbolReference o) {
        int c = location.compareTo(o.location);
        if (c != 0) return c;
        c = path.compareTo(o.path);
        if (c != 0) return c;
        c = kind.compareTo(o.kind);
        if (c != 0) return c;
        c = keyword.orElse("").compareTo(o.keyword.orElse(""));
        return c != 0 ? c : guards.toString().compareTo(o.guards.toString());
    }
}
