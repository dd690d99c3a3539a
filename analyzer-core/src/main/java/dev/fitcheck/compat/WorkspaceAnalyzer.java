package dev.fitcheck.compat;

import dev.fitcheck.lint.LintRule;
import dev.fitcheck.manifest.InstalledEnvironment;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.TodaySpec;
import dev.fitcheck.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Analyses every model of a workspace and judges, per package, whether they can share a release. */
public final class WorkspaceAnalyzer {

    private final ApiHistories histories;
    private final ModelAnalyzer modelAnalyzer;

    public WorkspaceAnalyzer(ApiHistories histories, List<LintRule> lintRules) {
        this.histories = histories;
        this.modelAnalyzer = new ModelAnalyzer(histories, lintRules);
    }

    public WorkspaceAnalysis analyze(Workspace workspace) {
        List<ModelAnalysis> models = workspace.models().stream().map(modelAnalyzer::analyze).toList();
        Optional<InstalledEnvironment> today = workspace.today().map(WorkspaceAnalyzer::installed);

        TreeSet<String> packages = new TreeSet<>();
        models.forEach(m -> {
            packages.addAll(m.declared().keySet());
            packages.addAll(m.constraints().keySet());
        });
        List<PackageVerdict> verdicts = new ArrayList<>();
        SharedEnvironmentVerdict judge = new SharedEnvironmentVerdict();
        for (String dist : packages) {
            Map<String, List<Constraint>> byModel = new LinkedHashMap<>();
            for (ModelAnalysis m : models) {
                if (m.declared().containsKey(dist) || m.constraints().containsKey(dist)) {
                    byModel.put(m.name(), m.constraints().getOrDefault(dist, List.of()));
                }
            }
            List<Version> releases = histories.byDistribution(dist).map(ApiHistory::releases).orElse(List.of());
            verdicts.add(judge.judge(dist, byModel, releases));
        }
        return new WorkspaceAnalysis(workspace, models, verdicts, today, choices(workspace, models, today));
    }

    private static InstalledEnvironment installed(TodaySpec today) {
        return today.freeze().map(InstalledEnvironment::fromFreeze)
                .orElseGet(() -> InstalledEnvironment.fromInterpreter(today.python().orElseThrow()));
    }

    /**
     * A release per model and catalogued package for the model's own environment: what today's
     * environment runs the model on, when the code allows it (proven in use); otherwise the newest
     * release the model's constraints allow.
     */
    private List<ReleaseChoice> choices(Workspace ws, List<ModelAnalysis> models, Optional<InstalledEnvironment> today) {
        List<ReleaseChoice> out = new ArrayList<>();
        for (ModelAnalysis m : models) {
            boolean runsToday = ws.today().map(t -> t.runs().contains(m.name())).orElse(false);
            for (String dist : m.constraints().keySet()) {
                Optional<ApiHistory> history = histories.byDistribution(dist);
                if (history.isEmpty()) continue;
                VersionSet effective = m.effective(dist);
                VersionSet code = m.inferred(dist).map(InferredRange::range).orElse(VersionSet.all());
                Optional<Version> installed = today.flatMap(t -> t.version(dist));
                if (runsToday && installed.isPresent() && code.contains(installed.get())) {
                    String reason = "today's environment runs " + m.name() + " on " + installed.get()
                            + (effective.contains(installed.get()) ? "" : ", outside its declared " + declaredText(m, dist))
                            + "; the code runs on " + code;
                    out.add(new ReleaseChoice(m.name(), dist, installed.get(), reason));
                    continue;
                }
                Optional<Version> newest = effective.newestIn(history.get().releases());
                if (newest.isPresent()) {
                    out.add(new ReleaseChoice(m.name(), dist, newest.get(),
                            "the newest catalogued release in " + effective));
                } else {
                    code.newestIn(history.get().releases()).ifPresent(v -> out.add(new ReleaseChoice(m.name(), dist, v,
                            "no release satisfies every pin; the newest the code runs on")));
                }
            }
        }
        return out;
    }

    private static String declaredText(ModelAnalysis m, String dist) {
        return m.declared(dist).stream().map(r -> dist + r.specifier()).findFirst().orElse(dist);
    }
}
