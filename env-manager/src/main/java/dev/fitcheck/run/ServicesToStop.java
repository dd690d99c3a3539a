package dev.fitcheck.run;

import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.ServiceSpec;
import dev.fitcheck.workspace.Workspace;
import java.util.List;

/**
 * Which services {@code --stop-services} stops for a model's test: the memory plan knows which
 * must go for the model to fit; until it is wired, every service that has a stop command.
 */
@FunctionalInterface
public interface ServicesToStop {

    List<ServiceSpec> choose(Workspace workspace, ModelSpec model);

    ServicesToStop ALL = (workspace, model) -> workspace.services().stream().filter(s -> !s.stop().isEmpty()).toList();
}
