package dev.fitcheck.env;

import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.PackageSources;
import dev.fitcheck.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a workspace's model into the spec of its environment: its declared requirements, the
 * releases the analysis chose, the machine's CUDA, interpreter, package sources and installer,
 * and the command line's overrides. Interpreters are probed once per request.
 */
public final class EnvironmentPlanner {

    /**
     * What the command line adds: another installer, more wheelhouses, the index off, packages to
     * leave out of this environment.
     */
    public record Overrides(Optional<InstallerKind> installer, IndexOptions index, java.util.List<String> without) {

        public Overrides {
            without = java.util.List.copyOf(without);
        }

        public static Overrides none() {
            return new Overrides(Optional.empty(), IndexOptions.defaults(), java.util.List.of());
        }
    }

    private final DeclaredRequirements declared;
    private final ChosenReleases chosen;
    private final InterpreterFinder interpreters;
    private final CudaPresence cuda;
    private final Installers installers;
    private final Map<String, InterpreterChoice> found = new HashMap<>();

    public EnvironmentPlanner(DeclaredRequirements declared, ChosenReleases chosen, InterpreterFinder interpreters,
            CudaPresence cuda, Installers installers) {
        this.declared = declared;
        this.chosen = chosen;
        this.interpreters = interpreters;
        this.cuda = cuda;
        this.installers = installers;
    }

    public CudaPresence cuda() {
        return cuda;
    }

    public EnvironmentSpec plan(Workspace workspace, ModelSpec model, Overrides overrides) {
        PackageSources sources = workspace.machine().packages();
        InstallerKind installer = overrides.installer()
                .or(() -> sources.installer().map(i -> InstallerKind.valueOf(i.toUpperCase(java.util.Locale.ROOT))))
                .orElseGet(installers::preferred);
        IndexOptions index = new IndexOptions(sources.findLinks(), sources.noIndex(), sources.indexUrl(),
                java.util.List.of()).with(overrides.index());
        Optional<Path> base = workspace.machine().basePython();
        InterpreterChoice python = found.computeIfAbsent(model.python() + "|" + base.map(Path::toString).orElse(""),
                k -> interpreters.find(model.python(), base));
        return new SpecBuilder().build(new SpecRequest(model, declared.of(model), chosen.of(model), cuda, python, index,
                installer, overrides.without()));
    }
}
