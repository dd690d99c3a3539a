package dev.fitcheck.compat;

import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The releases of one package that a model's code can run on, inferred from the symbols it uses,
 * with the reference behind each bound. {@code unknown} are references that no catalogued release
 * has (typos, private or vendored names): reported, never bounds. {@code nonBinding} are optional
 * and type-only references, which do not bound the range either.
 */
public record InferredRange(
        String distribution,
        List<Version> releases,
        BitSet allowed,
        VersionSet range,
        Optional<RangeBound> lower,
        Optional<RangeBound> upper,
        List<ResolvedReference> resolved,
        List<SymbolReference> unknown,
        List<SymbolReference> nonBinding) {

    public InferredRange {
        releases = List.copyOf(releases);
        allowed = (BitSet) allowed.clone();
        resolved = List.copyOf(resolved);
        unknown = List.copyOf(unknown);
        nonBinding = List.copyOf(nonBinding);
    }

    @Override
    public BitSet allowed() {
        return (BitSet) allowed.clone();
    }

    /** Catalogued releases the code can run on, newest first. */
    public List<Version> allowedReleasesNewestFirst() {
        return allowed.stream().boxed().sorted((a, b) -> b - a).map(releases::get).toList();
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }
}
