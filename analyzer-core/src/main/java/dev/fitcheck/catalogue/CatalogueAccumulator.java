package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds releases, in any order, into a catalogue: every fact (a module, a name bound a given way,
 * a member, a signature) collects the set of releases that have it, and {@link #toCatalogue()}
 * turns those sets into index ranges over the versions sorted. Starting from an existing catalogue
 * is how a catalogue is extended with releases it lacks, including ones older than its newest.
 */
public final class CatalogueAccumulator {

    private final String ecosystem;
    private final String packageName;
    /** Versions in the order they were added; a fact's bits are positions in this list. */
    private final List<Version> versions = new ArrayList<>();
    private final Map<Version, Integer> ids = new HashMap<>();
    private final Map<String, ModuleAcc> modules = new HashMap<>();
    private final Map<String, BitSet> requirements = new HashMap<>();

    public CatalogueAccumulator(String ecosystem, String packageName) {
        this.ecosystem = ecosystem;
        this.packageName = packageName;
    }

    /** Starts from everything an existing catalogue holds. */
    public static CatalogueAccumulator of(ApiCatalogue c) {
        CatalogueAccumulator a = new CatalogueAccumulator(c.ecosystem(), c.packageName());
        for (Version v : c.versions()) {
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
                for (Versioned<List<String>> b : n.bases()) {
                    na.bases.computeIfAbsent(b.value(), k -> new BitSet()).or(b.versions().toBitSet());
                }
                for (Versioned<Signature> s : n.signatures()) {
                    na.signatures.computeIfAbsent(s.value(), k -> new BitSet()).or(s.versions().toBitSet());
                }
                for (MemberApi mem : n.members().values()) {
                    MemberAcc mema = na.members.computeIfAbsent(mem.member(), k -> new MemberAcc());
                    for (Versioned<SymbolKind> k : mem.kinds()) {
                        mema.kinds.computeIfAbsent(k.value(), x -> new BitSet()).or(k.versions().toBitSet());
                    }
                    for (Versioned<Signature> s : mem.signatures()) {
                        mema.signatures.computeIfAbsent(s.value(), x -> new BitSet()).or(s.versions().toBitSet());
                    }
                }
            }
        }
        for (Versioned<String> r : c.requirements()) {
            a.requirements.computeIfAbsent(r.value(), k -> new BitSet()).or(r.versions().toBitSet());
        }
        return a;
    }

    public String packageName() {
        return packageName;
    }

    public boolean has(Version v) {
        return ids.containsKey(v);
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public void add(ReleaseApi release) {
        if (ids.containsKey(release.version())) {
            throw new IllegalArgumentException(packageName + " " + release.version() + " is already in the catalogue");
        }
        int id = versions.size();
        versions.add(release.version());
        ids.put(release.version(), id);
        for (Map.Entry<String, ReleaseApi.Module> me : release.modules().entrySet()) {
            ModuleAcc ma = modules.computeIfAbsent(me.getKey(), k -> new ModuleAcc());
            ma.present.set(id);
            for (Map.Entry<String, ReleaseApi.Name> ne : me.getValue().names().entrySet()) {
                ReleaseApi.Name n = ne.getValue();
                NameAcc na = ma.names.computeIfAbsent(ne.getKey(), k -> new NameAcc());
                na.variants.computeIfAbsent(new VariantKey(n.kind(), n.typeOnly(), n.exported(), n.target()),
                        k -> new BitSet()).set(id);
                if (!n.bases().isEmpty()) na.bases.computeIfAbsent(n.bases(), k -> new BitSet()).set(id);
                if (n.signature() != null) na.signatures.computeIfAbsent(n.signature(), k -> new BitSet()).set(id);
                for (Map.Entry<String, ReleaseApi.Member> mm : n.members().entrySet()) {
                    MemberAcc mema = na.members.computeIfAbsent(mm.getKey(), k -> new MemberAcc());
                    ReleaseApi.Member m = mm.getValue();
                    mema.kinds.computeIfAbsent(m.kind(), k -> new BitSet()).set(id);
                    if (m.signature() != null) mema.signatures.computeIfAbsent(m.signature(), k -> new BitSet()).set(id);
                }
            }
        }
        for (String r : release.requirements()) {
            requirements.computeIfAbsent(r, k -> new BitSet()).set(id);
        }
    }

    /** The catalogue of everything added, versions sorted. */
    public ApiCatalogue toCatalogue() {
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.naturalOrder());
        int[] newIndex = new int[versions.size()];
        for (int id = 0; id < versions.size(); id++) {
            newIndex[id] = java.util.Collections.binarySearch(sorted, versions.get(id));
        }
        Function<BitSet, IndexRanges> remap = bits -> {
            BitSet out = new BitSet();
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) out.set(newIndex[i]);
            return IndexRanges.of(out);
        };
        TreeMap<String, ModuleApi> outModules = new TreeMap<>();
        modules.forEach((module, ma) -> {
            TreeMap<String, NameApi> names = new TreeMap<>();
            ma.names.forEach((name, na) -> {
                List<NameVariant> variants = new ArrayList<>();
                na.variants.forEach((k, bits) -> variants.add(
                        new NameVariant(k.kind(), k.typeOnly(), k.exported(), k.target(), remap.apply(bits))));
                variants.sort(Comparator.comparingInt((NameVariant v) -> v.versions().first())
                        .thenComparing(v -> v.kind().code())
                        .thenComparing(v -> v.target() == null ? "" : v.target())
                        .thenComparing(NameVariant::typeOnly)
                        .thenComparing(NameVariant::exported));
                TreeMap<String, MemberApi> members = new TreeMap<>();
                na.members.forEach((member, mema) -> members.put(member, new MemberApi(member,
                        versioned(mema.kinds, remap, SymbolKind::code), versioned(mema.signatures, remap, Signature::toString))));
                names.put(name, new NameApi(name, variants, versioned(na.bases, remap, b -> String.join(",", b)),
                        versioned(na.signatures, remap, Signature::toString), members));
            });
            outModules.put(module, new ModuleApi(module, remap.apply(ma.present), names));
        });
        List<Versioned<String>> reqs = versioned(requirements, remap, s -> s);
        return new ApiCatalogue(ecosystem, packageName, sorted, outModules, reqs);
    }

    /** Values with their ranges, oldest first, ties by a stable text key. */
    private static <T> List<Versioned<T>> versioned(Map<T, BitSet> map, Function<BitSet, IndexRanges> remap,
                                                    Function<T, String> key) {
        List<Versioned<T>> out = new ArrayList<>(map.size());
        map.forEach((value, bits) -> out.add(new Versioned<>(value, remap.apply(bits))));
        out.sort(Comparator.comparingInt((Versioned<T> v) -> v.versions().first()).thenComparing(v -> key.apply(v.value())));
        return out;
    }

    private record VariantKey(SymbolKind kind, boolean typeOnly, boolean exported, String target) {
    }

    private static final class ModuleAcc {
        final BitSet present = new BitSet();
        final Map<String, NameAcc> names = new HashMap<>();
    }

    private static final class NameAcc {
        final Map<VariantKey, BitSet> variants = new HashMap<>(4);
        final Map<List<String>, BitSet> bases = new HashMap<>(2);
        final Map<Signature, BitSet> signatures = new HashMap<>(2);
        final Map<String, MemberAcc> members = new HashMap<>();
    }

    private static final class MemberAcc {
        final Map<SymbolKind, BitSet> kinds = new HashMap<>(2);
        final Map<Signature, BitSet> signatures = new HashMap<>(2);
    }
}
