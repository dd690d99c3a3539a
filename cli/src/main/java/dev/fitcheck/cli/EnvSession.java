package dev.fitcheck.cli;

import dev.fitcheck.env.CudaPresence;
import dev.fitcheck.env.DeclaredRequirements;
import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.env.EnvironmentPlanner;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.env.Installers;
import dev.fitcheck.env.InterpreterFinder;
import dev.fitcheck.env.LocalEnvironments;
import dev.fitcheck.env.ManifestRequirements;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;
import java.time.Clock;
import java.util.List;

/**
 * What the env and test commands work with for one workspace: its layout on disk, the installers,
 * the environments and the planner that turns models into specs. Built per command; CUDA and
 * interpreters are probed only when a spec is planned.
 */
final class EnvSession {

    final Workspace workspace;
    final EnvironmentLayout layout;
    final ProcessRunner runner = new ProcessRunner();
    final Installers installers = new Installers(ExecutableLookup.fromEnvironment(), runner);
    final LocalEnvironments environments = new LocalEnvironments(installers, Clock.systemUTC());
    private final DeclaredRequirements declared;
    final AnalysisSeams analysis;
    private EnvironmentPlanner planner;

    EnvSession(Workspace workspace) {
        this.workspace = workspace;
        this.layout = new EnvironmentLayout(workspace.root());
        this.declared = new ManifestRequirements();
        this.analysis = new AnalysisSeams(workspace);
    }

    DeclaredRequirements declared() {
        return declared;
    }

    EnvironmentPlanner planner() {
        if (planner == null) {
            planner = new EnvironmentPlanner(declared, analysis.chosenReleases(), InterpreterFinder.forThisMachine(runner),
                    CudaPresence.detect(), installers);
        }
        return planner;
    }

    EnvironmentSpec plan(ModelSpec model, EnvironmentPlanner.Overrides overrides) {
        return planner().plan(workspace, model, overrides);
    }

    List<EnvironmentSpec> plan(List<ModelSpec> models, EnvironmentPlanner.Overrides overrides) {
        return models.stream().map(m -> plan(m, overrides)).toList();
    }
}
