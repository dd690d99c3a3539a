package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.Map;

/**
 * Build {@code spec} into {@code directory} (a fresh path that does not exist yet). The installer's
 * output goes to {@code log} and {@code listener}; {@code installerEnvironment} adds variables to
 * the installer's environment (a cache directory, for tests and benchmarks).
 */
public record ProvisionRequest(EnvironmentSpec spec, Path directory, InstallLog log, InstallListener listener,
        Map<String, String> installerEnvironment) {

    public ProvisionRequest {
        installerEnvironment = Map.copyOf(installerEnvironment);
    }
}
