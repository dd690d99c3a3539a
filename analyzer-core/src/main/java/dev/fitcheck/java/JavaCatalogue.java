package dev.fitcheck.java;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.catalogue.IndexRanges;
import dev.fitcheck.catalogue.MemberApi;
import dev.fitcheck.catalogue.Modifier;
import dev.fitcheck.catalogue.ModuleApi;
import dev.fitcheck.catalogue.NameApi;
import dev.fitcheck.catalogue.NameVariant;
import dev.fitcheck.catalogue.Signature;
import dev.fitcheck.catalogue.SymbolKind;
import dev.fitcheck.catalogue.Versioned;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Maven artifact's {@link ApiCatalogue} as the Java analysis reads it: releases in Maven's
 * order, and every class by its JVM internal name with the release-index sets in which it, its
 * supertypes and its members exist. One catalogue answers for every release it holds, not just
 * two: {@link #at} is the world of one release, {@link ApiComparison} compares any two.
 *
 * <p>A view: the catalogue itself is the shared model, stored by {@code CatalogueStore} like a
 * Python one; this class only reads it the JVM's way ({@link JavaCatalogueBuilder} says how a jar
 * fills it).
 */
public final class JavaCatalogue {

    private final ApiCatalogue api;
    /** Every class by internal name, in the shared model. */
    private final Map<String, NameApi> names = new HashMap<>();
    /** Classes read the JVM's way so far: a scan asks about a few of thousands. */
    private final Map<String, ClassHistory> read = new ConcurrentHashMap<>();
    private volatile Map<String, ClassHistory> all;

    /** @param api a catalogue of ecosystem {@code maven} */
    public JavaCatalogue(ApiCatalogue api) {
        this.api = requireMaven(api);
        for (ModuleApi m : api.modules().values()) {
            for (NameApi n : m.names().values()) names.put(internalName(m.module(), n.name()), n);
        }
    }

    static ApiCatalogue requireMaven(ApiCatalogue api) {
        if (api.axis().ecosystem() != Ecosystem.MAVEN) {
            throw new IllegalArgumentException("the catalogue of " + api.packageName() + " is a " + api.ecosystem()
                    + " catalogue, not a Java one");
        }
        return api;
    }

    /** The shared model underneath. */
    public ApiCatalogue api() {
        return api;
    }

    /** {@code groupId:artifactId}. */
    public String artifact() {
        return api.packageName();
    }

    /** Releases in Maven's order. */
    public List<String> versions() {
        return api.versionLabels();
    }

    /** Every class by internal name, sorted. */
    public Map<String, ClassHistory> classes() {
        Map<String, ClassHistory> out = all;
        if (out == null) {
            TreeMap<String, ClassHistory> sorted = new TreeMap<>();
            names.keySet().forEach(n -> sorted.put(n, history(n).orElseThrow()));
            out = Collections.unmodifiableMap(sorted);
            all = out;
        }
        return out;
    }

    /** The index of {@code version}, or -1 when the catalogue lacks it. */
    public int indexOf(String version) {
        return api.indexOf(version);
    }

    public Optional<ClassHistory> history(String internalName) {
        NameApi n = names.get(internalName);
        return n == null ? Optional.empty() : Optional.of(read.computeIfAbsent(internalName, k -> history(k, n)));
    }

    /** The classes of release {@code index}, as a world to look members up in. */
    public ClassWorld at(int index) {
        if (index < 0 || index >= versions().size()) {
            throw new IndexOutOfBoundsException("release index " + index + " of " + versions().size());
        }
        Map<String, Optional<ClassApi>> cache = new ConcurrentHashMap<>();
        return name -> cache.computeIfAbsent(name, n -> history(n).flatMap(h -> h.at(index)));
    }

    /** The whole catalogue's release indices. */
    public VersionIndexSet all() {
        return VersionIndexSet.range(0, versions().size());
    }

    /**
     * The same catalogue over a subset of its releases (those it lacks are ignored), re-indexed:
     * what a range is computed over when only some releases are asked about.
     */
    public JavaCatalogue select(Collection<String> wanted) {
        ApiCatalogue selected = api.select(wanted);
        return selected == api ? this : new JavaCatalogue(selected);
    }

    /** Whether a class of this name (in any release) belongs to this artifact. */
    public boolean declares(String internalName) {
        return names.containsKey(internalName);
    }

    // ---- the JVM's names in the shared model ----------------------------------------------------

    /** {@code com/google/common/base/Objects$ToStringHelper} from module and name. */
    static String internalName(String module, String name) {
        return module.isEmpty() ? name : module.replace('.', '/') + "/" + name;
    }

    /** {@code Objects$ToStringHelper}: the binary name within the package. */
    static String binaryName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** A class as a base target: {@code java.lang:Object}. */
    static String target(String internalName) {
        return ClassApi.packageOf(internalName) + ":" + binaryName(internalName);
    }

    static String internalNameOfTarget(String target) {
        int colon = target.indexOf(':');
        return internalName(target.substring(0, colon), target.substring(colon + 1));
    }

    /** A method's or constructor's key is its name and descriptor, a field's its name. */
    static String memberKey(MemberKind kind, String name, String descriptor) {
        return kind == MemberKind.FIELD ? name : name + descriptor;
    }

    // ---- reading a class's history --------------------------------------------------------------

    private static ClassHistory history(String internal, NameApi n) {
        IndexRanges present = n.runtimePresence();
        IndexRanges exported = IndexRanges.empty();
        IndexRanges interfaceIn = IndexRanges.empty();
        for (NameVariant v : n.variants()) {
            if (v.exported()) exported = exported.union(v.versions());
            if (v.kind() == SymbolKind.INTERFACE || v.kind() == SymbolKind.ANNOTATION) {
                interfaceIn = interfaceIn.union(v.versions());
            }
        }
        ClassKind kind = classKind(n.variantAt(present.last()).kind());
        Map<String, VersionIndexSet> superclasses = new HashMap<>();
        Map<String, VersionIndexSet> interfaces = new HashMap<>();
        for (Versioned<List<String>> b : n.bases()) {
            List<String> list = b.value();
            for (int i = 0; i < list.size(); i++) {
                (i == 0 ? superclasses : interfaces).merge(internalNameOfTarget(list.get(i)), set(b.versions()),
                        VersionIndexSet::or);
            }
        }
        Map<String, MemberHistory> members = new HashMap<>();
        for (MemberApi m : n.members().values()) {
            boolean modifiers = !m.modifiers().isEmpty();
            IndexRanges staticIn = modifiers ? m.with(Modifier.STATIC) : IndexRanges.empty();
            IndexRanges protectedIn = modifiers ? m.with(Modifier.PROTECTED) : IndexRanges.empty();
            IndexRanges finalIn = modifiers ? m.with(Modifier.FINAL) : IndexRanges.empty();
            boolean oneSignature = m.signatures().size() == 1;
            for (Versioned<Signature> s : m.signatures()) {
                // a member's signatures cover exactly where it exists: with one, nothing to intersect
                IndexRanges where = oneSignature ? s.versions() : s.versions().intersect(m.presence());
                MemberKind mk = memberKind(Objects.requireNonNull(Versioned.at(m.kinds(), where.first())));
                String name = mk == MemberKind.FIELD ? fieldName(m.member()) : MemberApi.simpleName(m.member());
                MemberHistory h = new MemberHistory(mk, name, s.value().descriptor(), set(where),
                        set(staticIn.intersect(where)), set(protectedIn.intersect(where)), set(finalIn.intersect(where)));
                members.put(h.key(), h);
            }
        }
        return new ClassHistory(internal, kind, set(present), set(exported), set(interfaceIn), set(n.with(Modifier.FINAL)),
                superclasses, interfaces, members);
    }

    /** A field's key is its name, or {@code name:descriptor} for a second field of one name. */
    private static String fieldName(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static VersionIndexSet set(IndexRanges r) {
        return VersionIndexSet.of(r);
    }

    static ClassKind classKind(SymbolKind k) {
        return switch (k) {
            case INTERFACE -> ClassKind.INTERFACE;
            case ENUM -> ClassKind.ENUM;
            case ANNOTATION -> ClassKind.ANNOTATION;
            case RECORD -> ClassKind.RECORD;
            default -> ClassKind.CLASS;
        };
    }

    static MemberKind memberKind(SymbolKind k) {
        return switch (k) {
            case CONSTRUCTOR -> MemberKind.CONSTRUCTOR;
            case FIELD -> MemberKind.FIELD;
            default -> MemberKind.METHOD;
        };
    }
}
