package dev.fitcheck.catalogue;

import java.util.List;

/** A member a class defines itself (not inherited), with its kinds and signatures over versions. */
public record MemberApi(String member, List<Versioned<SymbolKind>> kinds, List<Versioned<Signature>> signatures) {

    public MemberApi {
        kinds = List.copyOf(kinds);
        signatures = List.copyOf(signatures);
    }

    public IndexRanges presence() {
        return Versioned.union(kinds);
    }
}
