package dev.fitcheck.compat;

import dev.fitcheck.manifest.InstalledEnvironment;
import dev.fitcheck.workspace.Workspace;
import java.util.List;
import java.util.Optional;

/**
 * The cross-model picture: each model's analysis, a verdict per package, what today's environment
 * has installed, and the release each model's own environment would get.
 */
public record WorkspaceAnalysis(
        Workspace workspace,
        List<ModelAnalysis> models,
        List<PackageVerdict> verdicts,
        Optional<InstalledEnvironment> today,
        List<ReleaseChoice> choices) {

    public WorkspaceAnalysis {
        models = List.copyOf(models);
        verdicts = List.copyOf(verdicts);
        choices = List.copyOf(choices);
    }

    public Optional<PackageVerdict> verdict(String distribution) {
        return verdicts.stream().filter(v -> v.distribution().equals(distribution)).findFirst();
    }

    public Optional<ModelAnalysis> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The packages on which the models cannot share one release. */
    public List<PackageVerdict> conflicts() {
        return verdicts.stream().filter(v -> !v.shared()).toList();
    }

    public List<ReleaseChoice> choicesFor(String model) {
        return choices.stream().filter(c -> c.model().equals(model)).toList();
    }
}
