package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Folds releases, in any order, into a catalogue: every fact (a module, a name bound a given way,
 * a member, a signature, a set of modifiers) collects the set of releases that have it, and
 * {@link #toCatalogue()} turns those sets into index ranges over the versions sorted in the
 * ecosystem's order. Starting from an existing catalogue is how a catalogue is extended with
 * releases it lacks, including ones older than its newest.
 */
public final class CatalogueAccumulator {

    /** Oldest first, then by every field: one order however the variants were found. */
    private static final Comparator<NameVariant> VARIANT_ORDER = Comparator.comparingInt((NameVariant v) -> v.versions().first())
            .thenComparing(v -> v.kind().code())
            .thenComparing(v -> v.target() == null ? "" : v.target())
            .thenComparing(NameVariant::typeOnly)
            .thenComparing(NameVariant::exported);

    private final Ecosystem ecosystem;
    private final String packageName;
    /** Version labels in the order they were added; a fact's bits are positions in this list. */
    private final List<String> versions = new ArrayList<>();
    /** Label to position, by the ecosystem's equality: {@code 1.0} and {@code 1.0.0} are one version. */
    private final Map<String, Integer> ids;
    private final Map<String, ModuleAcc> modules = new HashMap<>();
    private final Map<String, BitSet> requirements = new HashMap<>();

    public CatalogueAccumulator(Ecosystem ecosystem, String packageName) {
        this.ecosystem = ecosystem;
        this.packageName = packageName;
        this.ids = new TreeMap<>(ecosystem.order());
    }

    public CatalogueAccumulator(String ecosystem, String packageName) {
        this(Ecosystem.of(ecosystem), packageName);
    }

    /** Starts from everything an existing catalogue holds. */
    public static CatalogueAccumulator of(ApiCatalogue c) {
        CatalogueAccumulator a = new CatalogueAccumulator(c.axis().ecosystem(), c.packageName());
        for (String v : c.versionLabels()) {
            a.ids.put(v, a.versions.size());
            a.versions.add(v);
        }
        for (ModuleApi m : c.modules().values()) {
            ModuleAcc ma = a.modules.computeIfAbsent(m.module(), k -> new ModuleAcc());
            ma.present.or(m.presence().toBitSet());
            for (NameApi n : m.names().values()) {
                NameAcc na = ma.names.computeIfAbsent(n.name(), k -> new NameAcc());
                for (NameVariant v : n.variants()) {
                    na.variants.computeIfAbsent(new VariantKey(v.kind(), v.typeOnly(), v.exported(), v.target()),
                            k -> new BitSet()).or(v.versions().toBitSet());
                }
                fold(n.bases(), na.bases);
                fold(n.signatures(), na.signatures);
                fold(n.modifiers(), na.modifiers);
                for (MemberApi mem : n.members().values()) {
                    MemberAcc mema = na.members.computeIfAbsent(mem.member(), k -> new MemberAcc());
                    fold(mem.kinds(), mema.kinds);
                    fold(mem.signatures(), mema.signatures);
                    fold(mem.modifiers(), mema.modifiers);
                }
            }
        }
        fold(c.requirements(), a.requirements);
        return a;
    }

    private static <T> void fold(List<Versioned<T>> from, Map<T, BitSet> into) {
        for (Versioned<T> v : from) into.computeIfAbsent(v.value(), k -> new BitSet()).or(v.versions().toBitSet());
    }

    public String packageName() {
        return packageName;
    }

    public Ecosystem ecosystem() {
        return ecosystem;
    }

    /** Whether the version is held, by the ecosystem's equality. */
    public boolean has(String version) {
        return ids.containsKey(version);
    }

    public boolean has(Version v) {
        return has(v.toString());
    }

    /** Version labels in the order they were added. */
    public List<String> versions() {
        return List.copyOf(versions);
    }

    public void add(ReleaseApi release) {
        if (ids.containsKey(release.version())) {
            throw new IllegalArgumentException(packageName + " " + release.version() + " is already in the catalogue");
        }
        put(release);
    }

    /**
     * Adds a release, or replaces what a release of the same version brought with this reading of
     * it (a snapshot's jar changes under one version).
     */
    public void put(ReleaseApi release) {
        Release r = release(release.version());
        for (Map.Entry<String, ReleaseApi.Module> me : release.modules().entrySet()) {
            r.module(me.getKey());
            for (Map.Entry<String, ReleaseApi.Name> ne : me.getValue().names().entrySet()) {
                ReleaseApi.Name n = ne.getValue();
                Release.Name name = r.name(me.getKey(), ne.getKey(), n.kind(), n.typeOnly(), n.exported(), n.target(),
                        n.bases(), n.signature(), n.modifiers());
                for (Map.Entry<String, ReleaseApi.Member> mm : n.members().entrySet()) {
                    ReleaseApi.Member m = mm.getValue();
                    name.member(mm.getKey(), m.kind(), m.signature(), m.modifiers());
                }
            }
        }
        release.requirements().forEach(r::requirement);
    }

    /**
     * Starts folding in one release fact by fact, for a reader that would rather not build its
     * {@link ReleaseApi} first (a jar's classes go straight in); a release already held is
     * replaced, as with {@link #put}.
     */
    public Release release(String version) {
        Integer held = ids.get(version);
        int id;
        if (held != null) {
            id = held;
            clear(id);
        } else {
            ecosystem.check(version);
            id = versions.size();
            versions.add(version);
            ids.put(version, id);
        }
        return new Release(id);
    }

    /** One release being folded in: what {@link ReleaseApi} holds, given one fact at a time. */
    public final class Release {
        private final int id;

        private Release(int id) {
            this.id = id;
        }

        /** The module exists in this release (names imply their module). */
        public void module(String module) {
            modules.computeIfAbsent(module, k -> new ModuleAcc()).present.set(id);
        }

        /** A module-level name, as {@link ReleaseApi.Name} describes it; its members go through the handle. */
        public Name name(String module, String name, SymbolKind kind, boolean typeOnly, boolean exported, String target,
                         List<String> bases, Signature signature, Set<Modifier> modifiers) {
            ModuleAcc ma = modules.computeIfAbsent(module, k -> new ModuleAcc());
            ma.present.set(id);
            NameAcc na = ma.names.computeIfAbsent(name, k -> new NameAcc());
            na.variants.computeIfAbsent(new VariantKey(kind, typeOnly, exported, target), k -> new BitSet()).set(id);
            if (!bases.isEmpty()) na.bases.computeIfAbsent(bases, k -> new BitSet()).set(id);
            if (signature != null) na.signatures.computeIfAbsent(signature, k -> new BitSet()).set(id);
            if (!modifiers.isEmpty()) na.modifiers.computeIfAbsent(modifiers, k -> new BitSet()).set(id);
            return new Name(na);
        }

        public void requirement(String requirement) {
            requirements.computeIfAbsent(requirement, k -> new BitSet()).set(id);
        }

        /** A name of this release, to give its class members to. */
        public final class Name {
            private final NameAcc na;

            private Name(NameAcc na) {
                this.na = na;
            }

            /** A member the class defines, as {@link ReleaseApi.Member} describes it, under its key. */
            public void member(String key, SymbolKind kind, Signature signature, Set<Modifier> modifiers) {
                MemberAcc mema = na.members.computeIfAbsent(key, k -> new MemberAcc());
                mema.kinds.computeIfAbsent(kind, k -> new BitSet()).set(id);
                if (signature != null) mema.signatures.computeIfAbsent(signature, k -> new BitSet()).set(id);
                if (!modifiers.isEmpty()) mema.modifiers.computeIfAbsent(modifiers, k -> new BitSet()).set(id);
            }
        }
    }

    /** Forgets everything release {@code id} brought; facts left without a release drop out in {@link #toCatalogue}. */
    private void clear(int id) {
        for (ModuleAcc ma : modules.values()) {
            ma.present.clear(id);
            for (NameAcc na : ma.names.values()) {
                na.variants.values().forEach(b -> b.clear(id));
                na.bases.values().forEach(b -> b.clear(id));
                na.signatures.values().forEach(b -> b.clear(id));
                na.modifiers.values().forEach(b -> b.clear(id));
                for (MemberAcc mema : na.members.values()) {
                    mema.kinds.values().forEach(b -> b.clear(id));
                    mema.signatures.values().forEach(b -> b.clear(id));
                    mema.modifiers.values().forEach(b -> b.clear(id));
                }
            }
        }
        requirements.values().forEach(b -> b.clear(id));
    }

    /** The catalogue of everything added, versions sorted in the ecosystem's order. */
    public ApiCatalogue toCatalogue() {
        return toCatalogue(v -> true);
    }

    /**
     * The catalogue over only the versions {@code keep} accepts, re-indexed; whatever is then in no
     * version drops out. One canonical order of every list, however the versions were chosen.
     */
    public ApiCatalogue toCatalogue(Predicate<String> keep) {
        List<String> sorted = new ArrayList<>(); // the TreeMap's order is the ecosystem's
        int[] newIndex = new int[versions.size()];
        java.util.Arrays.fill(newIndex, -1);
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (keep.test(e.getKey())) {
                newIndex[e.getValue()] = sorted.size();
                sorted.add(e.getKey());
            }
        }
        boolean identity = true; // releases added oldest first and all kept: positions stay as they are
        for (int i = 0; i < newIndex.length && identity; i++) identity = newIndex[i] == i;
        Function<BitSet, IndexRanges> remap = identity ? IndexRanges::of : bits -> {
            BitSet out = new BitSet();
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                if (newIndex[i] >= 0) out.set(newIndex[i]);
            }
            return IndexRanges.of(out);
        };
        TreeMap<String, ModuleApi> outModules = new TreeMap<>();
        modules.forEach((module, ma) -> {
            IndexRanges present = remap.apply(ma.present);
            if (present.isEmpty()) return;
            TreeMap<String, NameApi> names = new TreeMap<>();
            ma.names.forEach((name, na) -> {
                List<NameVariant> variants = new ArrayList<>();
                na.variants.forEach((k, bits) -> {
                    IndexRanges r = remap.apply(bits);
                    if (!r.isEmpty()) variants.add(new NameVariant(k.kind(), k.typeOnly(), k.exported(), k.target(), r));
                });
                if (variants.isEmpty()) return;
                if (variants.size() > 1) variants.sort(VARIANT_ORDER);
                TreeMap<String, MemberApi> members = new TreeMap<>();
                na.members.forEach((member, mema) -> {
                    List<Versioned<SymbolKind>> kinds = versioned(mema.kinds, remap, SymbolKind::code);
                    if (!kinds.isEmpty()) {
                        members.put(member, new MemberApi(member, kinds, versioned(mema.signatures, remap, Signature::toString),
                                versioned(mema.modifiers, remap, Modifier::codes)));
                    }
                });
                names.put(name, new NameApi(name, variants, versioned(na.bases, remap, b -> String.join(",", b)),
                        versioned(na.signatures, remap, Signature::toString), members,
                        versioned(na.modifiers, remap, Modifier::codes)));
            });
            outModules.put(module, new ModuleApi(module, present, names));
        });
        List<Versioned<String>> reqs = versioned(requirements, remap, s -> s);
        return new ApiCatalogue(VersionAxis.of(ecosystem, sorted), packageName, outModules, reqs);
    }

    /** Values with their ranges, oldest first, ties by a stable text key; values left in no version dropped. */
    private static <T> List<Versioned<T>> versioned(Map<T, BitSet> map, Function<BitSet, IndexRanges> remap,
                                                    Function<T, String> key) {
        if (map.size() == 1) { // most facts hold one value throughout
            Map.Entry<T, BitSet> only = map.entrySet().iterator().next();
            IndexRanges r = remap.apply(only.getValue());
            return r.isEmpty() ? List.of() : List.of(new Versioned<>(only.getKey(), r));
        }
        List<Versioned<T>> out = new ArrayList<>(map.size());
        map.forEach((value, bits) -> {
            IndexRanges r = remap.apply(bits);
            if (!r.isEmpty()) out.add(new Versioned<>(value, r));
        });
        out.sort(Comparator.comparingInt((Versioned<T> v) -> v.versions().first()).thenComparing(v -> key.apply(v.value())));
        return out;
    }

    private record VariantKey(SymbolKind kind, boolean typeOnly, boolean exported, String target) {
        // written out for the same reason as Signature's: hashed per name per release
        @Override
        public boolean equals(Object o) {
            return o instanceof VariantKey k && k.kind == kind && k.typeOnly == typeOnly && k.exported == exported
                    && java.util.Objects.equals(k.target, target);
        }

        @Override
        public int hashCode() {
            return ((kind.ordinal() * 31 + (typeOnly ? 1 : 0)) * 31 + (exported ? 1 : 0)) * 31
                    + (target == null ? 0 : target.hashCode());
        }
    }

    private static final class ModuleAcc {
        final BitSet present = new BitSet();
        final Map<String, NameAcc> names = new HashMap<>();
    }

    private static final class NameAcc {
        final Map<VariantKey, BitSet> variants = new HashMap<>(4);
        final Map<List<String>, BitSet> bases = new HashMap<>(2);
        final Map<Signature, BitSet> signatures = new HashMap<>(2);
        final Map<Set<Modifier>, BitSet> modifiers = new HashMap<>(2);
        final Map<String, MemberAcc> members = new HashMap<>();
    }

    private static final class MemberAcc {
        final Map<SymbolKind, BitSet> kinds = new HashMap<>(2);
        final Map<Signature, BitSet> signatures = new HashMap<>(2);
        final Map<Set<Modifier>, BitSet> modifiers = new HashMap<>(2);
    }
}
