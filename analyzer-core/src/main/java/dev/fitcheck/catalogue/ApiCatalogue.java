package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A package's API over its released versions: every module, its names, its classes' members and
 * signatures, each with the versions (index ranges over {@link #axis()}) in which it exists.
 * Immutable; read with {@link CatalogueStore}, built with {@link CatalogueBuilder} (Python) or
 * {@code dev.fitcheck.java.JavaCatalogueBuilder} (Java).
 *
 * <p>The versions are the ecosystem's: PEP 440 versions for pypi, Maven versions for maven
 * ({@code 33.5.0-jre}), each kept as its label and ordered as the ecosystem orders them. Queries
 * answer in index ranges, as labels, as ranges written the ecosystem's way ({@link #rangeText}),
 * and for Python, through {@link #toVersionSet}, as PEP 440 version sets over real releases: present
 * in indexes 3..7 of {@code [.., 4.46.0, 4.47.0, 4.47.1, 4.48.0]} is {@code >=4.46.0,<4.48.0};
 * present in the newest catalogued version has no upper bound. Nothing is known outside the
 * catalogued versions: a name present in the oldest one may be older.
 */
public final class ApiCatalogue {

    private static final int MAX_DEPTH = 40;

    private final VersionAxis axis;
    private final String packageName;
    private final SortedMap<String, ModuleApi> modules;
    private final List<Versioned<String>> requirements;
    private final Set<String> topLevelModules;

    public ApiCatalogue(VersionAxis axis, String packageName, SortedMap<String, ModuleApi> modules,
                        List<Versioned<String>> requirements) {
        this.axis = Objects.requireNonNull(axis);
        this.packageName = Objects.requireNonNull(packageName);
        this.modules = Collections.unmodifiableSortedMap(modules);
        this.requirements = List.copyOf(requirements);
        Set<String> tops = new TreeSet<>();
        for (String m : modules.keySet()) {
            if (m.indexOf('.') < 0) tops.add(m);
        }
        this.topLevelModules = Collections.unmodifiableSet(tops);
    }

    /** A Python catalogue over PEP 440 versions, ascending. */
    public ApiCatalogue(String ecosystem, String packageName, List<Version> versions, SortedMap<String, ModuleApi> modules,
                        List<Versioned<String>> requirements) {
        this(pythonAxis(ecosystem, versions), packageName, modules, requirements);
    }

    private static VersionAxis pythonAxis(String ecosystem, List<Version> versions) {
        if (Ecosystem.of(ecosystem) != Ecosystem.PYPI) {
            throw new IllegalArgumentException("PEP 440 versions make a pypi catalogue, not a " + ecosystem + " one");
        }
        return VersionAxis.python(versions);
    }

    /** {@code pypi}, or {@code maven} for a Java catalogue. */
    public String ecosystem() {
        return axis.ecosystem().id();
    }

    /**
     * The distribution, PEP 503-normalised for Python ({@code transformers}, {@code liger-kernel});
     * {@code groupId:artifactId} for Maven ({@code com.google.guava:guava}).
     */
    public String packageName() {
        return packageName;
    }

    /** The catalogued versions, oldest first, with the ecosystem that orders them. */
    public VersionAxis axis() {
        return axis;
    }

    /** Catalogued versions as the ecosystem writes them, oldest first. */
    public List<String> versionLabels() {
        return axis.labels();
    }

    /** The label of version index {@code i}. */
    public String label(int i) {
        return axis.label(i);
    }

    /** The index of a version by the ecosystem's equality, or -1 when it is not catalogued. */
    public int indexOf(String label) {
        return axis.indexOf(label);
    }

    /** A Python catalogue's versions, oldest first; a Maven catalogue's are not PEP 440 and throw. */
    public List<Version> pythonVersions() {
        return axis.pythonVersions();
    }

    /**
     * A Python catalogue's versions.
     *
     * @deprecated the name reads as if any catalogue had PEP 440 versions; use {@link #pythonVersions()}
     *             (or {@link #versionLabels()} for any ecosystem)
     */
    @Deprecated
    public List<Version> versions() {
        return pythonVersions();
    }

    public SortedMap<String, ModuleApi> modules() {
        return modules;
    }

    /** Requirement lines each version declares (Python: Requires-Dist), as written. */
    public List<Versioned<String>> requirements() {
        return requirements;
    }

    /** Requirements of version index {@code i}. */
    public List<String> requirementsAt(int i) {
        List<String> out = new ArrayList<>();
        for (Versioned<String> r : requirements) {
            if (r.versions().contains(i)) out.add(r.value());
        }
        return out;
    }

    /** Top-level modules (import names): {@code liger_kernel} for liger-kernel. */
    public Set<String> topLevelModules() {
        return topLevelModules;
    }

    /** The index of a PEP 440 version in a Python catalogue, or a negative number when it lacks it. */
    public int indexOf(Version v) {
        return axis.indexOf(v);
    }

    /** The versions a Python catalogue knows: from its oldest to its newest, both included. */
    public dev.fitcheck.version.VersionSet coverage() {
        List<Version> versions = pythonVersions();
        if (versions.isEmpty()) return dev.fitcheck.version.VersionSet.none();
        Version last = versions.get(versions.size() - 1);
        return dev.fitcheck.version.VersionSet.atLeast(versions.get(0))
                .intersect(dev.fitcheck.version.VersionSet.below(last).union(dev.fitcheck.version.VersionSet.exactly(last)));
    }

    /**
     * The PEP 440 versions an index set of a Python catalogue stands for: each stretch
     * {@code lo..hi} becomes {@code >=v[lo],<v[hi+1]}, or {@code >=v[lo]} when it reaches the newest version.
     */
    public dev.fitcheck.version.VersionSet toVersionSet(IndexRanges r) {
        return axis.toVersionSet(r);
    }

    /** An index set written as the ecosystem writes ranges: {@code >=4.46.0,<4.48.0}, {@code [20.0,21.0)}. */
    public String rangeText(IndexRanges r) {
        return axis.rangeText(r);
    }

    /** The catalogued versions of a Python catalogue in an index set, oldest first. */
    public List<Version> versionsIn(IndexRanges r) {
        List<Version> versions = pythonVersions();
        List<Version> out = new ArrayList<>();
        for (int k = 0; k < r.intervals(); k++) {
            for (int i = r.low(k); i <= r.high(k); i++) out.add(versions.get(i));
        }
        return out;
    }

    /** The catalogued version labels in an index set, oldest first. */
    public List<String> labelsIn(IndexRanges r) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < r.intervals(); k++) {
            for (int i = r.low(k); i <= r.high(k); i++) out.add(axis.label(i));
        }
        return out;
    }

    /**
     * The same catalogue over only the versions in {@code wanted} that it holds (by the
     * ecosystem's equality), re-indexed; facts found in none of them drop out. What a question
     * about some releases is answered over.
     */
    public ApiCatalogue select(java.util.Collection<String> wanted) {
        BitSet keep = new BitSet();
        for (String w : wanted) {
            int i = axis.indexOf(w);
            if (i >= 0) keep.set(i);
        }
        if (keep.cardinality() == axis.size()) return this;
        return CatalogueAccumulator.of(this).toCatalogue(label -> keep.get(axis.indexOf(label)));
    }

    // ---- lookups --------------------------------------------------------------------------------

    public Optional<ModuleApi> module(String module) {
        return Optional.ofNullable(modules.get(module));
    }

    public Optional<NameApi> name(String module, String name) {
        ModuleApi m = modules.get(module);
        return m == null ? Optional.empty() : Optional.ofNullable(m.names().get(name));
    }

    /**
     * Splits a dotted path as code writes it into module, name and member, taking the longest
     * prefix that is a module in any catalogued version. Deeper paths ({@code a.B.c.d}) keep the
     * first attribute below the class as member. Empty when no prefix is a module.
     */
    public Optional<ApiPath> split(String dotted) {
        String[] parts = dotted.split("\\.");
        for (int end = parts.length; end > 0; end--) {
            String module = String.join(".", java.util.Arrays.copyOf(parts, end));
            if (modules.containsKey(module)) {
                if (end == parts.length) return Optional.of(ApiPath.module(module));
                if (end + 1 == parts.length) return Optional.of(ApiPath.name(module, parts[end]));
                return Optional.of(ApiPath.member(module, parts[end], parts[end + 1]));
            }
        }
        return Optional.empty();
    }

    // ---- presence -------------------------------------------------------------------------------

    public IndexRanges modulePresence(String module) {
        ModuleApi m = modules.get(module);
        return m == null ? IndexRanges.empty() : m.presence();
    }

    /**
     * Versions in which {@code from module import name} works at run time: the module's own
     * bindings, re-exports, star-imported and lazily exported names and submodules. Bindings made
     * only for type checkers do not count.
     */
    public IndexRanges namePresence(String module, String name) {
        return name(module, name).map(NameApi::runtimePresence).orElse(IndexRanges.empty());
    }

    /**
     * Versions in which {@code module.name.member} exists: defined by the class, by what a
     * re-export leads to, or inherited from a base class inside the package. {@code undecided}
     * holds the versions in which the member was not found but the class has a base outside the
     * package (its members are not catalogued), or where the name is a variable or a function
     * (attributes of values are not catalogued either), so absence is not proven there.
     *
     * <p>In a Python catalogue, what Python gives every object ({@code __init__}, {@code __repr__},
     * {@code __class__} ...: {@code dir(object)}) is present wherever the name is, and what it gives
     * every class ({@code __mro__}, {@code __name__}, {@code __dict__} ...: {@code dir(type)})
     * wherever the name is a class of the package, whether or not the class defines it.
     */
    public MemberPresence memberPresence(String module, String name, String member) {
        IndexRanges within = namePresence(module, name);
        if (axis.ecosystem() == Ecosystem.PYPI && PythonBuiltinMembers.ofEveryObject(member)) {
            return new MemberPresence(within, IndexRanges.empty());
        }
        return member(module, name, member, within, new HashSet<>(), 0);
    }

    /**
     * The members a class defines under {@code member}: the one of that key, and for Java, where a
     * method's key holds its descriptor, every overload of that name ({@code valueOf} finds
     * {@code valueOf(I)Ljava/lang/String;} and {@code valueOf(J)Ljava/lang/String;}).
     */
    public static List<MemberApi> membersNamed(NameApi n, String member) {
        List<MemberApi> out = new ArrayList<>(1);
        MemberApi exact = n.members().get(member);
        if (exact != null) out.add(exact);
        if (member.indexOf('(') < 0) {
            out.addAll(n.members().subMap(member + "(", member + "(\uffff").values());
        }
        return out;
    }

    /** Presence of a member, and the versions where a base outside the package leaves it open. */
    public record MemberPresence(IndexRanges present, IndexRanges undecided) {
    }

    private MemberPresence member(String module, String name, String member, IndexRanges within, Set<String> path,
                                  int depth) {
        if (within.isEmpty() || depth > MAX_DEPTH || !path.add(module + ":" + name)) {
            return new MemberPresence(IndexRanges.empty(), IndexRanges.empty());
        }
        try {
            NameApi n = name(module, name).orElse(null);
            if (n == null) {
                boolean outside = !modules.containsKey(module);
                return new MemberPresence(IndexRanges.empty(), outside ? within : IndexRanges.empty());
            }
            IndexRanges present = IndexRanges.empty();
            IndexRanges undecided = IndexRanges.empty();
            if (axis.ecosystem() == Ecosystem.PYPI) {
                MemberApi own = n.members().get(member);
                if (own != null) present = present.union(own.presence().intersect(within));
                if (PythonBuiltinMembers.ofEveryClass(member)) {
                    for (NameVariant v : n.variants()) {
                        if (!v.typeOnly() && v.kind() == SymbolKind.CLASS) present = present.union(within.intersect(v.versions()));
                    }
                }
            } else {
                for (MemberApi own : membersNamed(n, member)) present = present.union(own.presence().intersect(within));
            }
            for (NameVariant v : n.variants()) {
                if (v.typeOnly()) continue;
                if (v.target() == null && (v.kind() == SymbolKind.VARIABLE || v.kind() == SymbolKind.FUNCTION)) {
                    // An attribute of a value (a list's append, a function's __wrapped__): the
                    // catalogue records no members of values, so absence is not proven there.
                    undecided = undecided.union(within.intersect(v.versions()));
                    continue;
                }
                if (v.target() == null) continue;
                Target t = Target.parse(v.target());
                if (t.name() == null || (t.module().equals(module) && t.name().equals(name))) continue;
                MemberPresence r = member(t.module(), t.name(), member, within.intersect(v.versions()), path, depth + 1);
                present = present.union(r.present());
                undecided = undecided.union(r.undecided());
            }
            for (Versioned<List<String>> b : n.bases()) {
                IndexRanges w = within.intersect(b.versions());
                for (String base : b.value()) {
                    Target t = Target.parse(base);
                    if (t.name() == null || t.isBuiltinObject()) continue;
                    MemberPresence r = member(t.module(), t.name(), member, w, path, depth + 1);
                    present = present.union(r.present());
                    undecided = undecided.union(r.undecided());
                }
            }
            return new MemberPresence(present, undecided.minus(present));
        } finally {
            path.remove(module + ":" + name);
        }
    }

    /** Presence of any path: a module, a name in it, or a member of a class named there. */
    public IndexRanges presence(ApiPath p) {
        if (p.name().isEmpty()) return modulePresence(p.module());
        if (p.member().isEmpty()) return namePresence(p.module(), p.name().get());
        return memberPresence(p.module(), p.name().get(), p.member().get()).present();
    }

    /** {@link #presence} as PEP 440 versions (Python only). */
    public dev.fitcheck.version.VersionSet availability(ApiPath p) {
        return toVersionSet(presence(p));
    }

    /** The first catalogued version in which the path exists (Python only). */
    public Optional<Version> firstVersionWith(ApiPath p) {
        int i = presence(p).first();
        return i < 0 ? Optional.empty() : Optional.of(pythonVersions().get(i));
    }

    /**
     * The first catalogued version, after the path first appears, that no longer has it: where
     * {@code MistralFlashAttention2} was removed. Empty when it never appears or never goes away.
     */
    public Optional<Version> firstVersionWithout(ApiPath p) {
        IndexRanges r = presence(p);
        if (r.isEmpty()) return Optional.empty();
        int after = r.high(0) + 1;
        return after < axis.size() ? Optional.of(pythonVersions().get(after)) : Optional.empty();
    }

    // ---- signatures -----------------------------------------------------------------------------

    /**
     * The parameters of a callable per version: a function, a method (inherited ones included,
     * the first base in order that defines it winning), or a class (its {@code __init__}).
     * Versions in which the callable exists but its signature cannot be known are left out.
     */
    public List<Versioned<Signature>> signatures(ApiPath p) {
        IndexRanges where = p.name().isEmpty() ? IndexRanges.empty() : namePresence(p.module(), p.name().get());
        java.util.Map<Signature, java.util.BitSet> bySignature = new java.util.LinkedHashMap<>();
        for (int k = 0; k < where.intervals(); k++) {
            for (int i = where.low(k); i <= where.high(k); i++) {
                Signature s = p.member().isPresent()
                        ? memberSignatureAt(p.module(), p.name().get(), p.member().get(), i, new HashSet<>(), 0)
                        : callableSignatureAt(p.module(), p.name().get(), i, new HashSet<>(), 0);
                if (s != null) bySignature.computeIfAbsent(s, x -> new java.util.BitSet()).set(i);
            }
        }
        List<Versioned<Signature>> out = new ArrayList<>();
        bySignature.forEach((s, bits) -> out.add(new Versioned<>(s, IndexRanges.of(bits))));
        return out;
    }

    /** Versions in which the callable at {@code p} accepts {@code keyword=} (by name or through **kwargs). */
    public IndexRanges acceptsKeyword(ApiPath p, String keyword) {
        IndexRanges r = IndexRanges.empty();
        for (Versioned<Signature> s : signatures(p)) {
            if (s.value().acceptsKeyword(keyword)) r = r.union(s.versions());
        }
        return r;
    }

    private Signature callableSignatureAt(String module, String name, int i, Set<String> path, int depth) {
        if (depth > MAX_DEPTH || !path.add(module + ":" + name)) return null;
        NameApi n = name(module, name).orElse(null);
        if (n == null) return null;
        Signature own = Versioned.at(n.signatures(), i);
        if (own != null) return own;
        NameVariant v = n.variantAt(i);
        if (v == null) return null;
        if (v.kind() == SymbolKind.CLASS) {
            return memberSignatureAt(module, name, "__init__", i, new HashSet<>(), depth + 1);
        }
        if (v.target() != null) {
            Target t = Target.parse(v.target());
            if (t.name() != null) return callableSignatureAt(t.module(), t.name(), i, path, depth + 1);
        }
        return null;
    }

    private Signature memberSignatureAt(String module, String name, String member, int i, Set<String> path, int depth) {
        if (depth > MAX_DEPTH || !path.add(module + ":" + name)) return null;
        NameApi n = name(module, name).orElse(null);
        if (n == null) return null;
        MemberApi own = n.members().get(member);
        if (own != null && own.presence().contains(i)) {
            return Versioned.at(own.signatures(), i);
        }
        NameVariant v = n.variantAt(i);
        if (v != null && v.target() != null) {
            Target t = Target.parse(v.target());
            if (t.name() != null && !(t.module().equals(module) && t.name().equals(name))) {
                Signature s = memberSignatureAt(t.module(), t.name(), member, i, path, depth + 1);
                if (s != null) return s;
            }
        }
        List<String> bases = Versioned.at(n.bases(), i);
        if (bases != null) {
            for (String base : bases) {
                Target t = Target.parse(base);
                if (t.name() == null) continue;
                Signature s = memberSignatureAt(t.module(), t.name(), member, i, path, depth + 1);
                if (s != null) return s;
            }
        }
        return null;
    }

    // ---- exports --------------------------------------------------------------------------------

    /** What {@code from module import *} brings in version index {@code i}, sorted. */
    public List<String> starExports(String module, int i) {
        ModuleApi m = modules.get(module);
        if (m == null) return List.of();
        List<String> out = new ArrayList<>();
        for (NameApi n : m.names().values()) {
            NameVariant v = n.variantAt(i);
            if (v != null && v.exported() && !v.typeOnly()) out.add(n.name());
        }
        return out;
    }

    /** A {@code module:name} (or bare module) target string split. */
    record Target(String module, String name) {
        static Target parse(String s) {
            int colon = s.indexOf(':');
            return colon < 0 ? new Target(s, null) : new Target(s.substring(0, colon), s.substring(colon + 1));
        }

        /** Python's {@code object} or Java's {@code java.lang.Object}: the root every class has, whose members are not catalogued. */
        boolean isBuiltinObject() {
            return (module.equals("builtins") && "object".equals(name)) || (module.equals("java.lang") && "Object".equals(name));
        }
    }
}
