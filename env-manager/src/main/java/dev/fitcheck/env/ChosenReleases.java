package dev.fitcheck.env;

import dev.fitcheck.workspace.ModelSpec;
import java.util.Map;

/**
 * The release fitcheck's analysis chose for some of a model's packages (name to version), which
 * the environment installs in place of what the manifests say; the user's pins still win.
 */
@FunctionalInterface
public interface ChosenReleases {

    Map<String, String> of(ModelSpec model);

    ChosenReleases NONE = model -> Map.of();
}
