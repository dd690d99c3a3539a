package dev.fitcheck.compat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.lint.LintRule;
import dev.fitcheck.manifest.ManifestReader;
import dev.fitcheck.manifest.ManifestResult;
import dev.fitcheck.manifest.MarkerEnvironment;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.python.ModuleGraph;
import dev.fitcheck.python.SourceTree;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import dev.fitcheck.workspace.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Analyses one model: reads its manifests, extracts the symbol references of its sources, infers
 * a range per catalogued package, and gathers every constraint with its evidence.
 */
public final class ModelAnalyzer {

    private final ApiHistories histories;
    private final SourceAnalyzer sources;

    public ModelAnalyzer(ApiHistories histories, List<LintRule> lintRules) {
        this.histories = histories;
        this.sources = new SourceAnalyzer(histories, lintRules);
    }

    public ModelAnalysis analyze(ModelSpec model) {
        List<ManifestResult> manifests = model.manifests().stream().map(ManifestReader::read).toList();
        Map<String, List<Requirement>> declared = declared(manifests, MarkerEnvironment.linuxCpython(model.python()));

        SourceAnalysis code = sources.analyze(model.sources());
        Map<String, InferredRange> wholeTree = code.inferred();
        Map<String, InferredRange> inferred = wholeTree;
        int entryFiles = 0;
        if (!model.entries().isEmpty()) {
            // What runs is what the entry points import; the rest (training code) is reported apart.
            Set<Path> reachable = ModuleGraph.of(SourceTree.scan(model.sources())).reachableFrom(model.entries());
            entryFiles = reachable.size();
            inferred = sources.infer(code.references().stream()
                    .filter(r -> reachable.contains(r.location().file())).toList());
        }

        Map<String, List<Constraint>> constraints = new TreeMap<>();
        declared.forEach((dist, reqs) -> reqs.forEach(r -> declaredConstraint(model.name(), r)
                .ifPresent(c -> constraints.computeIfAbsent(dist, k -> new ArrayList<>()).add(c))));
        inferred.forEach((dist, range) -> constraints.computeIfAbsent(dist, k -> new ArrayList<>())
                .addAll(inferredConstraints(model.name(), range)));
        transitiveConstraints(model.name(), declared, constraints);

        List<Disagreement> disagreements = new ArrayList<>();
        inferred.forEach((dist, range) -> disagreements.addAll(disagreements(model.name(), dist, range,
                declared.getOrDefault(dist, List.of()))));

        return new ModelAnalysis(model, manifests, declared, code.references(), inferred, wholeTree, entryFiles,
                constraints, disagreements, code.lints(), code.uncataloguedImports());
    }

    /**
     * Named requirements that apply to the model's Python, once per line: an install script's
     * {@code pip install -r requirements.txt} reaches the same lines as the requirements file itself.
     */
    private static Map<String, List<Requirement>> declared(List<ManifestResult> manifests, MarkerEnvironment env) {
        Map<String, List<Requirement>> out = new TreeMap<>();
        Set<SourceLocation> seen = new HashSet<>();
        for (ManifestResult m : manifests) {
            for (Requirement r : m.requirements()) {
                if (r.isNamed() && r.appliesTo(env) && seen.add(r.location())) {
                    out.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return out;
    }

    private static Optional<Constraint> declaredConstraint(String model, Requirement r) {
        if (r.specifier().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Constraint(model, r.name(), r.specifier().toVersionSet(), ConstraintSource.DECLARED,
                "declared", r.location()));
    }

    /**
     * The bounds as constraints. An empty range still gets both: the reference that needs the
     * newest release and the one removed earliest, which is the pair that cannot meet.
     */
    static List<Constraint> inferredConstraints(String model, InferredRange range) {
        List<Constraint> out = new ArrayList<>();
        List<Version> releases = range.releases();
        Optional<RangeBound> lower = range.lower();
        Optional<RangeBound> upper = range.upper();
        if (range.isEmpty()) {
            lower = RangeInference.newestNeed(range);
            upper = RangeInference.earliestRemoval(range);
        }
        lower.ifPresent(b -> out.add(new Constraint(model, range.distribution(), VersionSet.atLeast(b.version()),
                ConstraintSource.INFERRED_LOWER, b.symbol() + " first appears in " + b.version(), b.reference().location())));
        upper.ifPresent(b -> out.add(new Constraint(model, range.distribution(), VersionSet.below(b.version()),
                ConstraintSource.INFERRED_UPPER, b.symbol() + " is gone in " + b.version(), b.reference().location())));
        return out;
    }

    /**
     * What the model's other declared packages require of each constrained package, from their
     * wheels' metadata: the union over the releases the model allows of each release's
     * requirement (an installer may pick any of them), when that union excludes something.
     */
    private void transitiveConstraints(String model, Map<String, List<Requirement>> declared,
            Map<String, List<Constraint>> constraints) {
        for (Map.Entry<String, List<Requirement>> dep : declared.entrySet()) {
            Optional<ApiHistory> depHistory = histories.byDistribution(dep.getKey());
            if (depHistory.isEmpty()) continue;
            SpecifierSet depSpec = dep.getValue().stream().map(Requirement::specifier)
                    .reduce(SpecifierSet.any(), SpecifierSet::and);
            List<Version> depReleases = depHistory.get().releases();
            BitSet allowedDep = new BitSet();
            for (int i = 0; i < depReleases.size(); i++) {
                if (depSpec.contains(depReleases.get(i), true)) allowedDep.set(i);
            }
            if (allowedDep.isEmpty()) continue;
            for (String target : new TreeSet<>(declared.keySet())) {
                if (target.equals(dep.getKey())) continue;
                Map<Integer, String> reqs = depHistory.get().requirementsOn(target);
                if (reqs.isEmpty()) continue;
                VersionSet union = VersionSet.none();
                for (int i = allowedDep.nextSetBit(0); i >= 0; i = allowedDep.nextSetBit(i + 1)) {
                    String spec = reqs.get(i);
                    union = union.union(spec == null ? VersionSet.all() : SpecifierSet.parse(spec).toVersionSet());
                }
                if (union.isAll()) continue;
                Version first = depReleases.get(allowedDep.nextSetBit(0));
                Version last = depReleases.get(allowedDep.length() - 1);
                String which = first.equals(last) ? dep.getKey() + " " + first
                        : dep.getKey() + " " + first + " to " + last;
                SourceLocation at = dep.getValue().get(0).location();
                constraints.computeIfAbsent(target, k -> new ArrayList<>()).add(new Constraint(model, target, union,
                        ConstraintSource.TRANSITIVE, which + " require " + target + " " + union, at));
            }
        }
    }

    private static List<Disagreement> disagreements(String model, String dist, InferredRange range,
            List<Requirement> declared) {
        List<Disagreement> out = new ArrayList<>();
        BitSet code = range.allowed();
        for (Requirement r : declared) {
            if (r.specifier().isEmpty()) {
                if (range.upper().isPresent() || range.lower().isPresent()) {
                    out.add(new Disagreement(model, dist, Disagreement.Kind.PIN_ALLOWS_UNRUNNABLE, r.location(),
                            dist + " is not pinned, but the code runs only on " + range.range() + boundsText(range)));
                }
                continue;
            }
            BitSet pin = new BitSet();
            List<Version> releases = range.releases();
            for (int i = 0; i < releases.size(); i++) {
                if (r.specifier().contains(releases.get(i), true)) pin.set(i);
            }
            BitSet both = (BitSet) pin.clone();
            both.and(code);
            BitSet pinOnly = (BitSet) pin.clone();
            pinOnly.andNot(code);
            BitSet codeOnly = (BitSet) code.clone();
            codeOnly.andNot(pin);
            String declaredText = dist + r.specifier();
            if (!pin.isEmpty() && both.isEmpty()) {
                out.add(new Disagreement(model, dist, Disagreement.Kind.PIN_EXCLUDES_CODE, r.location(),
                        declaredText + " allows no release the code runs on (" + range.range() + boundsText(range) + ")"));
            } else if (!pinOnly.isEmpty()) {
                out.add(new Disagreement(model, dist, Disagreement.Kind.PIN_ALLOWS_UNRUNNABLE, r.location(),
                        declaredText + " allows " + RangeInference.toVersionSet(pinOnly, releases)
                                + ", where the code cannot run (" + range.range() + boundsText(range) + ")"));
            } else if (!codeOnly.isEmpty()) {
                out.add(new Disagreement(model, dist, Disagreement.Kind.PIN_NARROWER_THAN_CODE, r.location(),
                        declaredText + " is narrower than the code needs: it runs on " + range.range() + boundsText(range)));
            }
        }
        return out;
    }

    private static String boundsText(InferredRange range) {
        List<String> parts = new ArrayList<>();
        range.lower().ifPresent(b -> parts.add(b.symbol() + " from " + b.version()));
        range.upper().ifPresent(b -> parts.add(b.symbol() + " until before " + b.version()));
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }
}
