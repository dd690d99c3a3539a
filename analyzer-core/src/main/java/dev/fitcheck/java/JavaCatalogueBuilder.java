package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JavaCatalogue} from one jar's API per release, in any order, or extends an
 * existing one. Keeps one bit set per fact rather than every release's API, so a hundred releases
 * of a large library fit in little memory.
 */
public final class JavaCatalogueBuilder {

    private final String artifact;
    private final List<String> versions = new ArrayList<>();
    private final Map<String, MutableClass> classes = new LinkedHashMap<>();

    public JavaCatalogueBuilder(String artifact) {
        this.artifact = artifact;
    }

    /** Starts from every release {@code existing} holds. */
    public static JavaCatalogueBuilder from(JavaCatalogue existing) {
        JavaCatalogueBuilder b = new JavaCatalogueBuilder(existing.artifact());
        b.versions.addAll(existing.versions());
        for (ClassHistory h : existing.classes().values()) {
            MutableClass c = b.classes.computeIfAbsent(h.name(), MutableClass::new);
            c.kind = h.kind();
            c.kindVersion = h.present().last();
            c.present.or(bits(h.present()));
            c.exported.or(bits(h.exported()));
            c.interfaceIn.or(bits(h.interfaceIn()));
            c.finalIn.or(bits(h.finalIn()));
            h.superclasses().forEach((n, s) -> c.superclasses.computeIfAbsent(n, k -> new BitSet()).or(bits(s)));
            h.interfaces().forEach((n, s) -> c.interfaces.computeIfAbsent(n, k -> new BitSet()).or(bits(s)));
            for (MemberHistory m : h.members().values()) {
                MutableMember mm = c.members.computeIfAbsent(m.key(), k -> new MutableMember(m.kind(), m.name(), m.descriptor()));
                mm.present.or(bits(m.present()));
                mm.staticIn.or(bits(m.staticIn()));
                mm.protectedIn.or(bits(m.protectedIn()));
                mm.finalIn.or(bits(m.finalIn()));
            }
        }
        return b;
    }

    public boolean has(String version) {
        return versions.contains(version);
    }

    /** Adds one release; a release already held is replaced by this reading of it. */
    public JavaCatalogueBuilder add(String version, JarApi api) {
        int v = versions.indexOf(version);
        if (v < 0) {
            v = versions.size();
            versions.add(version);
        } else {
            clear(v);
        }
        for (ClassApi c : api.all()) {
            MutableClass mc = classes.computeIfAbsent(c.name(), MutableClass::new);
            mc.present.set(v);
            if (c.exported()) mc.exported.set(v);
            if (c.kind().isInterface()) mc.interfaceIn.set(v);
            if (c.isFinal()) mc.finalIn.set(v);
            if (mc.kindVersion < 0 || MavenVersionOrder.INSTANCE.compare(versions.get(mc.kindVersion), version) < 0) {
                mc.kind = c.kind();
                mc.kindVersion = v;
            }
            int vv = v;
            c.superName().ifPresent(s -> mc.superclasses.computeIfAbsent(s, k -> new BitSet()).set(vv));
            for (String i : c.interfaces()) {
                mc.interfaces.computeIfAbsent(i, k -> new BitSet()).set(v);
            }
            for (MemberApi m : c.members()) {
                MutableMember mm = mc.members.computeIfAbsent(m.key(), k -> new MutableMember(m.kind(), m.name(), m.descriptor()));
                mm.present.set(v);
                if (m.isStatic()) mm.staticIn.set(v);
                if (m.isProtected()) mm.protectedIn.set(v);
                if (m.isFinal()) mm.finalIn.set(v);
            }
        }
        return this;
    }

    public JavaCatalogue build() {
        List<String> sorted = MavenVersionOrder.INSTANCE.sorted(versions);
        int[] newIndex = new int[versions.size()];
        for (int i = 0; i < versions.size(); i++) {
            newIndex[i] = sorted.indexOf(versions.get(i));
        }
        Map<String, ClassHistory> out = new HashMap<>();
        for (MutableClass c : classes.values()) {
            if (c.present.isEmpty()) continue;
            Map<String, VersionIndexSet> supers = new HashMap<>();
            c.superclasses.forEach((n, b) -> putNonEmpty(supers, n, remap(b, newIndex)));
            Map<String, VersionIndexSet> ifaces = new HashMap<>();
            c.interfaces.forEach((n, b) -> putNonEmpty(ifaces, n, remap(b, newIndex)));
            Map<String, MemberHistory> members = new HashMap<>();
            for (MutableMember m : c.members.values()) {
                VersionIndexSet present = remap(m.present, newIndex);
                if (!present.isEmpty()) {
                    members.put(MemberApi.key(m.name, m.descriptor), new MemberHistory(m.kind, m.name, m.descriptor,
                            present, remap(m.staticIn, newIndex), remap(m.protectedIn, newIndex), remap(m.finalIn, newIndex)));
                }
            }
            out.put(c.name, new ClassHistory(c.name, c.kind, remap(c.present, newIndex), remap(c.exported, newIndex),
                    remap(c.interfaceIn, newIndex), remap(c.finalIn, newIndex), supers, ifaces, members));
        }
        return new JavaCatalogue(artifact, sorted, out);
    }

    private void clear(int v) {
        for (MutableClass c : classes.values()) {
            c.present.clear(v);
            c.exported.clear(v);
            c.interfaceIn.clear(v);
            c.finalIn.clear(v);
            c.superclasses.values().forEach(b -> b.clear(v));
            c.interfaces.values().forEach(b -> b.clear(v));
            for (MutableMember m : c.members.values()) {
                m.present.clear(v);
                m.staticIn.clear(v);
                m.protectedIn.clear(v);
                m.finalIn.clear(v);
            }
        }
    }

    private static void putNonEmpty(Map<String, VersionIndexSet> map, String key, VersionIndexSet set) {
        if (!set.isEmpty()) map.put(key, set);
    }

    private static BitSet bits(VersionIndexSet s) {
        BitSet b = new BitSet();
        for (int i : s.indices()) b.set(i);
        return b;
    }

    private static VersionIndexSet remap(BitSet b, int[] newIndex) {
        int[] out = new int[b.cardinality()];
        int k = 0;
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
            out[k++] = newIndex[i];
        }
        return VersionIndexSet.of(out);
    }

    private static final class MutableClass {
        final String name;
        ClassKind kind = ClassKind.CLASS;
        int kindVersion = -1;
        final BitSet present = new BitSet();
        final BitSet exported = new BitSet();
        final BitSet interfaceIn = new BitSet();
        final BitSet finalIn = new BitSet();
        final Map<String, BitSet> superclasses = new LinkedHashMap<>();
        final Map<String, BitSet> interfaces = new LinkedHashMap<>();
        final Map<String, MutableMember> members = new LinkedHashMap<>();

        MutableClass(String name) {
            this.name = name;
        }
    }

    private static final class MutableMember {
        final MemberKind kind;
        final String name;
        final String descriptor;
        final BitSet present = new BitSet();
        final BitSet staticIn = new BitSet();
        final BitSet protectedIn = new BitSet();
        final BitSet finalIn = new BitSet();

        MutableMember(MemberKind kind, String name, String descriptor) {
            this.kind = kind;
            this.name = name;
            this.descriptor = descriptor;
        }
    }
}
