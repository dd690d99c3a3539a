package dev.fitcheck.compat;

import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.manifest.ManifestResult;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.VersionSet;
import dev.fitcheck.workspace.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything fitcheck knows of one model's requirements: what its manifests declare, what its code
 * references, the range inferred per catalogued package, every constraint with its evidence, the
 * effective range (declared and inferred together), where pin and code disagree, and lint findings.
 */
public record ModelAnalysis(
        ModelSpec model,
        List<ManifestResult> manifests,
        Map<String, List<Requirement>> declared,
        List<SymbolReference> references,
        Map<String, InferredRange> inferred,
        Map<String, List<Constraint>> constraints,
        List<Disagreement> disagreements,
        List<LintFinding> lints,
        Set<String> uncataloguedImports) {

    public ModelAnalysis {
        manifests = List.copyOf(manifests);
        declared = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(declared)); // sorted: Map.copyOf iterates in a per-JVM random order
        references = List.copyOf(references);
        inferred = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inferred)); // sorted: Map.copyOf iterates in a per-JVM random order
        constraints = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(constraints)); // sorted: Map.copyOf iterates in a per-JVM random order
        disagreements = List.copyOf(disagreements);
        lints = List.copyOf(lints);
        uncataloguedImports = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(uncataloguedImports));
    }

    public String name() {
        return model.name();
    }

    /** The releases this model can use: every constraint on the package together. */
    public VersionSet effective(String distribution) {
        VersionSet set = VersionSet.all();
        for (Constraint c : constraints.getOrDefault(distribution, List.of())) {
            set = set.intersect(c.allowed());
        }
        return set;
    }

    public Optional<InferredRange> inferred(String distribution) {
        return Optional.ofNullable(inferred.get(distribution));
    }

    public List<Requirement> declared(String distribution) {
        return declared.getOrDefault(distribution, List.of());
    }
}
