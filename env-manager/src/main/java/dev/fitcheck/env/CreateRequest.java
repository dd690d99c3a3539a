package dev.fitcheck.env;

import java.util.List;
import java.util.Map;

/**
 * Build (or reuse) the environments of {@code specs} in a workspace. {@code force} rebuilds an
 * unchanged one; {@code installerEnvironment} adds variables for the installer (a cache dir).
 */
public record CreateRequest(EnvironmentLayout layout, List<EnvironmentSpec> specs, boolean force,
        InstallListener listener, Map<String, String> installerEnvironment) {

    public CreateRequest {
        specs = List.copyOf(specs);
        installerEnvironment = Map.copyOf(installerEnvironment);
    }

    public static CreateRequest of(EnvironmentLayout layout, EnvironmentSpec spec) {
        return new CreateRequest(layout, List.of(spec), false, InstallListener.SILENT, Map.of());
    }
}
