package dev.fitcheck.compat;

import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.manifest.ManifestResult;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.VersionSet;
import dev.fitcheck.workspace.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything fitcheck knows of one model's requirements: what its manifests declare, what its code
 * references, the range inferred per catalogued package, every constraint with its evidence, the
 * effective range (declared and inferred together), where pin and code disagree, and lint findings.
 * With entry points, {@code inferred} covers the files they run ({@code entryFiles} of them) and
 * {@code wholeTree} every file; without, the two are the same.
 */
public record ModelAnalysis(
        ModelSpec model,
        List<ManifestResult> manifests,
        Map<String, List<Requirement>> declared,
        List<SymbolReference> references,
        Map<String, InferredRange> inferred,
        Map<String, InferredRange> wholeTree,
        int entryFiles,
        Map<String, List<Constraint>> constraints,
        List<Disagreement> disagreements,
        List<LintFinding> lints,
        Set<String> uncataloguedImports) {

    public ModelAnalysis {
        manifests = List.copyOf(manifests);
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
        references = List.copyOf(references);
        inferred = Collections.unmodifiableMap(new LinkedHashMap<>(inferred));
        wholeTree = Collections.unmodifiableMap(new LinkedHashMap<>(wholeTree));
        constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
        disagreements = List.copyOf(disagreements);
        lints = List.copyOf(lints);
        uncataloguedImports = Set.copyOf(uncataloguedImports);
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

    /** The whole tree's range, when entry points narrow {@link #inferred} to the code that runs. */
    public Optional<InferredRange> wholeTreeDiffering(String distribution) {
        if (model.entries().isEmpty()) return Optional.empty();
        InferredRange tree = wholeTree.get(distribution);
        InferredRange entry = inferred.get(distribution);
        if (tree == null) return Optional.empty();
        return entry != null && entry.range().equals(tree.range()) ? Optional.empty() : Optional.of(tree);
    }

    public Optional<InferredRange> inferred(String distribution) {
        return Optional.ofNullable(inferred.get(distribution));
    }

    public List<Requirement> declared(String distribution) {
        return declared.getOrDefault(distribution, List.of());
    }
}
