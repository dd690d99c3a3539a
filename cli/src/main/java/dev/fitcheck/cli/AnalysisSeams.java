package dev.fitcheck.cli;

import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.Constraint;
import dev.fitcheck.compat.ModelAnalysis;
import dev.fitcheck.compat.ReleaseChoice;
import dev.fitcheck.compat.WorkspaceAnalysis;
import dev.fitcheck.compat.WorkspaceAnalyzer;
import dev.fitcheck.env.ChosenReleases;
import dev.fitcheck.env.PackageName;
import dev.fitcheck.lint.LintRules;
import dev.fitcheck.memory.plan.ConfigurationPlan;
import dev.fitcheck.memory.plan.LoadConfiguration;
import dev.fitcheck.memory.plan.MemoryQuestion;
import dev.fitcheck.run.CatalogueSymbolHistory;
import dev.fitcheck.run.EffectiveRange;
import dev.fitcheck.run.EffectiveRanges;
import dev.fitcheck.run.ServicesToStop;
import dev.fitcheck.run.SymbolHistory;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.ServiceSpec;
import dev.fitcheck.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the analysis feeds environments and test runs: the release chosen per model and package,
 * the effective range the static stage checks, the symbol history that explains a failed import,
 * and the services the memory plan says must stop. The analysis runs once, on first need.
 */
final class AnalysisSeams {

    private final Workspace workspace;
    private ApiHistories histories;
    private WorkspaceAnalysis analysis;

    AnalysisSeams(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Loaded on first need: reading the catalogues costs more than reusing an environment. */
    private ApiHistories histories() {
        if (histories == null) {
            histories = Catalogues.histories(Workspaces.rules());
        }
        return histories;
    }

    WorkspaceAnalysis analysis() {
        if (analysis == null) {
            Path rules = Workspaces.rules();
            analysis = new WorkspaceAnalyzer(histories(), LintRules.load(rules.resolve("lints.yaml"))).analyze(workspace);
        }
        return analysis;
    }

    /** The analysis's release per package, for the environment to install instead of the manifests'. */
    Map<String, Map<String, String>> choices() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (ReleaseChoice c : analysis().choices()) {
            out.computeIfAbsent(c.model(), k -> new LinkedHashMap<>()).put(c.distribution(), c.release().toString());
        }
        return out;
    }

    /** Chosen releases, cached per input fingerprint so that reusing an environment stays fast. */
    ChosenReleases chosenReleases() {
        Map<String, Map<String, String>> choices = new ChoiceCache(workspace).load(this::choices);
        return model -> choices.getOrDefault(model.name(), Map.of());
    }

    EffectiveRanges effectiveRanges() {
        return model -> {
            Optional<ModelAnalysis> m = analysis().model(model.name());
            if (m.isEmpty()) return List.of();
            List<EffectiveRange> out = new ArrayList<>();
            for (Map.Entry<String, List<Constraint>> e : m.get().constraints().entrySet()) {
                List<String> evidence = e.getValue().stream()
                        .map(c -> c.allowed() + " (" + c.reason() + ", " + c.location().relativeTo(workspace.root()).display() + ")")
                        .toList();
                out.add(new EffectiveRange(PackageName.of(e.getKey()), m.get().effective(e.getKey()),
                        m.get().effective(e.getKey()).toString(), evidence));
            }
            return out;
        };
    }

    SymbolHistory symbolHistory() {
        return CatalogueSymbolHistory.of(new ArrayList<>(histories().all()));
    }

    /**
     * The services to stop for a model's test: the smallest set the memory plan says lets it run at
     * full precision beside the rest; all of them when even that does not fit, or when the model
     * has no memory description.
     */
    ServicesToStop servicesToStop() {
        return (ws, model) -> {
            List<ServiceSpec> stoppable = ws.services().stream().filter(s -> !s.stop().isEmpty()).toList();
            if (ws.machine().gpu().isEmpty() || model.memory().isEmpty()) return stoppable;
            ConfigurationPlan full = MemoryPlans.of(ws, true, 0).plan(model,
                    new MemoryQuestion(60, 64, 32, Optional.empty())).plans().stream()
                    .filter(p -> p.configuration() == LoadConfiguration.FULL).findFirst().orElseThrow();
            if (full.fitsNow()) return List.of();
            return full.stopToFit()
                    .map(names -> stoppable.stream().filter(s -> names.contains(s.name())).toList())
                    .orElse(stoppable);
        };
    }

}
