package dev.fitcheck.catalogue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * A module-level name over versions: how it is bound, and for classes their bases (each a
 * {@code module:name} target, an ordered list per stretch of versions) and members, for
 * functions their signatures.
 *
 * <p>For Java the name is a class's binary name within its package ({@code Objects},
 * {@code Objects$ToStringHelper}); its bases are the superclass first, then the interfaces as
 * declared ({@code java.lang:Object}, {@code java.io:Serializable}), and only
 * {@code java.lang.Object} itself has none. A Java class is {@link NameVariant#exported()} where
 * code in other packages can name it.
 *
 * @param modifiers only the non-empty sets, each where it holds (a class that is final); empty for Python
 */
public record NameApi(
        String name,
        List<NameVariant> variants,
        List<Versioned<List<String>>> bases,
        List<Versioned<Signature>> signatures,
        SortedMap<String, MemberApi> members,
        List<Versioned<Set<Modifier>>> modifiers) {

    public NameApi {
        variants = List.copyOf(variants);
        bases = List.copyOf(bases);
        signatures = List.copyOf(signatures);
        members = Collections.unmodifiableSortedMap(members);
        modifiers = List.copyOf(modifiers);
    }

    /** A name without modifiers: every Python name. */
    public NameApi(String name, List<NameVariant> variants, List<Versioned<List<String>>> bases,
                   List<Versioned<Signature>> signatures, SortedMap<String, MemberApi> members) {
        this(name, variants, bases, signatures, members, List.of());
    }

    /** Versions in which the name has {@code m}. */
    public IndexRanges with(Modifier m) {
        return Versioned.where(modifiers, set -> set.contains(m));
    }

    /** Versions in which the name exists at run time (type-only bindings left out). */
    public IndexRanges runtimePresence() {
        IndexRanges r = IndexRanges.empty();
        for (NameVariant v : variants) {
            if (!v.typeOnly()) r = r.union(v.versions());
        }
        return r;
    }

    /** Versions in which anything binds the name, type-only bindings included. */
    public IndexRanges anyPresence() {
        IndexRanges r = IndexRanges.empty();
        for (NameVariant v : variants) r = r.union(v.versions());
        return r;
    }

    /** The run-time binding at version index i, or null. */
    public NameVariant variantAt(int i) {
        NameVariant typeOnly = null;
        for (NameVariant v : variants) {
            if (v.versions().contains(i)) {
                if (!v.typeOnly()) return v;
                typeOnly = v;
            }
        }
        return typeOnly;
    }
}
