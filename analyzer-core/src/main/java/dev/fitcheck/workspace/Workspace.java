package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A machine's models, as fitcheck.yaml describes them: what runs on it, the GPU they share, the
 * services beside them, and the Python environment the machine runs today. Paths are absolute.
 */
public record Workspace(
        String name,
        Path file,
        Path root,
        MachineSpec machine,
        List<ServiceSpec> services,
        Optional<TodaySpec> today,
        List<ModelSpec> models) {

    public Workspace {
        services = List.copyOf(services);
        models = List.copyOf(models);
    }

    public Optional<ModelSpec> model(String modelName) {
        return models.stream().filter(m -> m.name().equals(modelName)).findFirst();
    }

    /**
     * The model called {@code modelName}; a name the workspace does not have is the user's mistake,
     * told with the closest name and the file.
     */
    public ModelSpec requireModel(String modelName) {
        return model(modelName).orElseThrow(() -> new dev.fitcheck.evidence.InputError(
                dev.fitcheck.evidence.SourceLocation.wholeFile(file), "no model named '" + modelName + "'"
                        + NearMiss.suffix(modelName, modelNames()) + " (models: " + String.join(", ", modelNames()) + ")"));
    }

    public List<String> modelNames() {
        return models.stream().map(ModelSpec::name).toList();
    }
}
