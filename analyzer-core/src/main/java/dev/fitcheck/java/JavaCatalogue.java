package dev.fitcheck.java;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API of one Maven artifact across its releases: the releases in Maven's order, and every
 * class with the release-index sets in which it, its supertypes and its members exist. One
 * catalogue answers for every release it holds, not just two: {@link #at} is the world of one
 * release, {@link ApiComparison} compares any two.
 */
public final class JavaCatalogue {

    private final String artifact;
    private final List<String> versions;
    private final Map<String, ClassHistory> classes;

    public JavaCatalogue(String artifact, List<String> versions, Map<String, ClassHistory> classes) {
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.versions = List.copyOf(versions);
        this.classes = Collections.unmodifiableMap(new TreeMap<>(classes));
        for (int i = 1; i < this.versions.size(); i++) {
            if (MavenVersionOrder.INSTANCE.compare(this.versions.get(i - 1), this.versions.get(i)) >= 0) {
                throw new IllegalArgumentException("versions must be distinct and in Maven's order: "
                        + this.versions.get(i - 1) + " before " + this.versions.get(i));
            }
        }
    }

    /** {@code groupId:artifactId}. */
    public String artifact() {
        return artifact;
    }

    public List<String> versions() {
        return versions;
    }

    public Map<String, ClassHistory> classes() {
        return classes;
    }

    /** The index of {@code version}, or -1 when the catalogue lacks it. */
    public int indexOf(String version) {
        return versions.indexOf(version);
    }

    public Optional<ClassHistory> history(String internalName) {
        return Optional.ofNullable(classes.get(internalName));
    }

    /** The classes of release {@code index}, as a world to look members up in. */
    public ClassWorld at(int index) {
        if (index < 0 || index >= versions.size()) {
            throw new IndexOutOfBoundsException("release index " + index + " of " + versions.size());
        }
        Map<String, Optional<ClassApi>> cache = new ConcurrentHashMap<>();
        return name -> cache.computeIfAbsent(name, n -> {
            ClassHistory h = classes.get(n);
            return h == null ? Optional.empty() : h.at(index);
        });
    }

    /** The whole catalogue's release indices. */
    public VersionIndexSet all() {
        return VersionIndexSet.range(0, versions.size());
    }

    /**
     * The same catalogue over a subset of its releases (those it lacks are ignored), re-indexed:
     * what a range is computed over when only some releases are asked about.
     */
    public JavaCatalogue select(java.util.Collection<String> wanted) {
        List<String> kept = versions.stream().filter(wanted::contains).toList();
        if (kept.size() == versions.size()) return this;
        int[] newIndex = new int[versions.size()];
        java.util.Arrays.fill(newIndex, -1);
        for (int i = 0; i < kept.size(); i++) newIndex[versions.indexOf(kept.get(i))] = i;
        Map<String, ClassHistory> out = new java.util.HashMap<>();
        for (ClassHistory h : classes.values()) {
            VersionIndexSet present = remap(h.present(), newIndex);
            if (present.isEmpty()) continue;
            Map<String, VersionIndexSet> supers = remapAll(h.superclasses(), newIndex);
            Map<String, VersionIndexSet> ifaces = remapAll(h.interfaces(), newIndex);
            Map<String, MemberHistory> members = new java.util.HashMap<>();
            for (MemberHistory m : h.members().values()) {
                VersionIndexSet p = remap(m.present(), newIndex);
                if (!p.isEmpty()) {
                    members.put(m.key(), new MemberHistory(m.kind(), m.name(), m.descriptor(), p,
                            remap(m.staticIn(), newIndex), remap(m.protectedIn(), newIndex), remap(m.finalIn(), newIndex)));
                }
            }
            out.put(h.name(), new ClassHistory(h.name(), h.kind(), present, remap(h.exported(), newIndex),
                    remap(h.interfaceIn(), newIndex), remap(h.finalIn(), newIndex), supers, ifaces, members));
        }
        return new JavaCatalogue(artifact, kept, out);
    }

    private static Map<String, VersionIndexSet> remapAll(Map<String, VersionIndexSet> sets, int[] newIndex) {
        Map<String, VersionIndexSet> out = new java.util.HashMap<>();
        sets.forEach((k, v) -> {
            VersionIndexSet r = remap(v, newIndex);
            if (!r.isEmpty()) out.put(k, r);
        });
        return out;
    }

    private static VersionIndexSet remap(VersionIndexSet set, int[] newIndex) {
        return VersionIndexSet.of(java.util.Arrays.stream(set.indices()).map(i -> newIndex[i]).filter(i -> i >= 0).toArray());
    }

    /** Whether a class of this name (in any release) belongs to this artifact. */
    public boolean declares(String internalName) {
        return classes.containsKey(internalName);
    }
}
