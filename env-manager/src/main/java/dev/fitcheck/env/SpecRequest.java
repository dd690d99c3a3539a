package dev.fitcheck.env;

import dev.fitcheck.workspace.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * What a model's environment spec is built from: the model (its environment policy), the
 * requirements its manifests declare, the release fitcheck chose for some packages (name to
 * version; the analysis fills it), whether the machine has CUDA, the interpreter, where packages
 * come from and the installer.
 */
public record SpecRequest(ModelSpec model, List<DeclaredRequirement> declared, Map<String, String> chosenReleases,
        CudaPresence cuda, InterpreterChoice python, IndexOptions index, InstallerKind installer) {

    public SpecRequest {
        declared = List.copyOf(declared);
        chosenReleases = Map.copyOf(chosenReleases);
    }
}
