package dev.fitcheck.env;

import dev.fitcheck.workspace.ModelSpec;
import java.util.List;

/**
 * Where a model's declared requirements come from: its manifests, read by analyzer-core's manifest
 * readers. An interface so that the environment code is tested on requirements it states itself.
 */
@FunctionalInterface
public interface DeclaredRequirements {

    List<DeclaredRequirement> of(ModelSpec model);
}
