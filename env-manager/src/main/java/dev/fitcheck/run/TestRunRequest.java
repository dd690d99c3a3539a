package dev.fitcheck.run;

import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.ServiceSpec;
import java.util.List;

/**
 * Test {@code model} in {@code environment}. {@code gpu}: run an inference command that needs the
 * GPU (without it such a command is skipped). {@code stopServices}: the services to stop around
 * the test, restarted afterwards.
 */
public record TestRunRequest(EnvironmentLayout layout, ModelSpec model, InstalledEnvironment environment, boolean gpu,
        List<ServiceSpec> stopServices, TestListener listener) {

    public TestRunRequest {
        stopServices = List.copyOf(stopServices);
    }
}
