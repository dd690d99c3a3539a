package dev.fitcheck.env;

import dev.fitcheck.workspace.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * What a model's environment spec is built from: the model (its environment policy), the
 * requirements its manifests declare, the release fitcheck chose for some packages (name to
 * version; the analysis fills it), whether the machine has CUDA, the interpreter, where packages
 * come from, the installer, and packages the command line leaves out ({@code --without}).
 */
public record SpecRequest(ModelSpec model, List<DeclaredRequirement> declared, Map<String, String> chosenReleases,
        CudaPresence cuda, InterpreterChoice python, IndexOptions index, InstallerKind installer, List<String> without) {

    public SpecRequest {
        declared = List.copyOf(declared);
        chosenReleases = Map.copyOf(chosenReleases);
        without = List.copyOf(without);
    }

    public SpecRequest(ModelSpec model, List<DeclaredRequirement> declared, Map<String, String> chosenReleases,
            CudaPresence cuda, InterpreterChoice python, IndexOptions index, InstallerKind installer) {
        this(model, declared, chosenReleases, cuda, python, index, installer, List.of());
    }
}
