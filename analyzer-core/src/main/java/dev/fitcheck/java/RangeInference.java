package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * For each dependency with a catalogue: the releases in which every reference into it resolves,
 * with the class path's other entries at their resolved releases and the JDK around it. The range
 * is the intersection of the references' own sets; each bound names the reference that sets it,
 * preferring a line of the project's source over a class in another jar.
 */
public final class RangeInference {

    /** Sources first, then compiled classes; each in file and line order. */
    private static final Comparator<JavaReference> EVIDENCE_ORDER = Comparator
            .comparing((JavaReference r) -> r.site() instanceof SourceSite ? 0 : 1)
            .thenComparing(r -> r);

    private RangeInference() {
    }

    /**
     * @param references per artifact id, the references into it (the project's source references and the
     *                   other entries' compiled references)
     * @param catalogues per artifact id, its catalogue; it must hold the release on the class path
     */
    public static List<DependencyRange> infer(ClassPath classPath, Map<String, List<JavaReference>> references,
            Map<String, JavaCatalogue> catalogues) {
        List<DependencyRange> out = new ArrayList<>();
        for (Map.Entry<String, JavaCatalogue> e : catalogues.entrySet()) {
            String id = e.getKey();
            ClassPath.Entry entry = classPath.entry(id).orElseThrow(
                    () -> new IllegalArgumentException(id + " is not on the class path"));
            out.add(infer(classPath, entry, references.getOrDefault(id, List.of()), e.getValue()));
        }
        out.sort(Comparator.comparing(DependencyRange::artifact));
        return out;
    }

    static DependencyRange infer(ClassPath classPath, ClassPath.Entry entry, List<JavaReference> refs, JavaCatalogue catalogue) {
        List<String> versions = catalogue.versions();
        int current = catalogue.indexOf(entry.version());
        if (current < 0) {
            throw new IllegalArgumentException("the catalogue of " + entry.id() + " lacks the resolved release " + entry.version());
        }
        ClassWorld now = classPath.world();
        List<ClassWorld> worlds = new ArrayList<>();
        for (int v = 0; v < versions.size(); v++) {
            worlds.add(classPath.worldWith(entry.id(), catalogue.at(v), catalogue::declares));
        }
        List<JavaReference> sorted = new ArrayList<>(refs);
        sorted.sort(EVIDENCE_ORDER);
        List<JavaReference> unverified = new ArrayList<>();
        List<JavaReference> binding = new ArrayList<>();
        List<LookupOutcome[]> outcomes = new ArrayList<>();
        VersionIndexSet compatible = catalogue.all();
        int sourceRefs = 0;
        int classRefs = 0;
        for (JavaReference r : sorted) {
            if (r.site() instanceof SourceSite) sourceRefs++; else classRefs++;
            if (MemberLookup.resolve(now, r.symbol()).breaks()) {
                unverified.add(r);
                continue;
            }
            LookupOutcome[] o = new LookupOutcome[versions.size()];
            VersionIndexSet ok = VersionIndexSet.empty();
            for (int v = 0; v < versions.size(); v++) {
                o[v] = MemberLookup.resolve(worlds.get(v), r.symbol());
                if (!o[v].breaks()) ok = ok.with(v);
            }
            binding.add(r);
            outcomes.add(o);
            compatible = compatible.and(ok);
        }
        int lo = current;
        while (lo > 0 && compatible.contains(lo - 1)) lo--;
        int hi = current;
        while (hi < versions.size() - 1 && compatible.contains(hi + 1)) hi++;
        Optional<RangeBound> lower = lo > 0 ? bound(binding, outcomes, lo - 1, versions) : Optional.empty();
        Optional<RangeBound> upper = hi < versions.size() - 1 ? bound(binding, outcomes, hi + 1, versions) : Optional.empty();
        List<String> compatibleVersions = new ArrayList<>();
        for (int i : compatible.indices()) compatibleVersions.add(versions.get(i));
        return new DependencyRange(entry.id(), entry.version(), versions, compatibleVersions,
                mavenRange(compatible, versions), lower, upper, sourceRefs, classRefs, unverified);
    }

    private static Optional<RangeBound> bound(List<JavaReference> refs, List<LookupOutcome[]> outcomes, int at,
            List<String> versions) {
        JavaReference first = null;
        LookupOutcome how = null;
        int failing = 0;
        for (int i = 0; i < refs.size(); i++) {
            LookupOutcome o = outcomes.get(i)[at];
            if (o.breaks()) {
                if (first == null) {
                    first = refs.get(i);
                    how = o;
                }
                failing++;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new RangeBound(versions.get(at), first, how, failing - 1));
    }

    /** {@code [19.0,21.0)} or {@code [19.0,20.0),[22.0,)}: Maven's syntax, each run up to the first release it excludes. */
    static String mavenRange(VersionIndexSet set, List<String> versions) {
        if (set.isEmpty()) return "(none of the " + versions.size() + " checked)";
        StringJoiner j = new StringJoiner(",");
        for (int[] iv : set.intervals()) {
            String from = versions.get(iv[0]);
            if (iv[1] >= versions.size()) {
                j.add("[" + from + ",)");
            } else {
                j.add("[" + from + "," + versions.get(iv[1]) + ")");
            }
        }
        return j.toString();
    }
}
