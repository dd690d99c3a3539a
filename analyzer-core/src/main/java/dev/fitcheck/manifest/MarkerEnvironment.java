package dev.fitcheck.manifest;

import java.util.Objects;
import java.util.Set;

/**
 * The machine a marker is evaluated for: the PEP 508 environment markers plus the extras requested.
 * {@link #linuxCpython(String)} is the usual target: CPython on x86_64 Linux.
 */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformPythonImplementation,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String pythonVersion,
        String sysPlatform,
        Set<String> extras) {

    public MarkerEnvironment {
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(implementationVersion, "implementationVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(platformMachine, "platformMachine");
        Objects.requireNonNull(platformPythonImplementation, "platformPythonImplementation");
        Objects.requireNonNull(platformRelease, "platformRelease");
        Objects.requireNonNull(platformSystem, "platformSystem");
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(sysPlatform, "sysPlatform");
        extras = Set.copyOf(extras);
    }

    /**
     * CPython {@code pythonVersion} ("3.10" or "3.10.14"; a bare minor version gets patch level 0)
     * on x86_64 Linux, with no extras. The kernel release and version are unknown (empty), so
     * markers on them are false.
     */
    public static MarkerEnvironment linuxCpython(String pythonVersion) {
        String[] parts = pythonVersion.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("a Python version needs major and minor numbers, as in 3.10: " + pythonVersion);
        }
        String full = parts.length == 2 ? pythonVersion + ".0" : pythonVersion;
        return new MarkerEnvironment("cpython", full, "posix", "x86_64", "CPython", "", "Linux", "", full,
                parts[0] + "." + parts[1], "linux", Set.of());
    }

    /** The same machine with these extras requested (normalised as PEP 685 says). */
    public MarkerEnvironment withExtras(Set<String> requested) {
        return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
                platformPythonImplementation, platformRelease, platformSystem, platformVersion, pythonFullVersion,
                pythonVersion, sysPlatform, requested.stream().map(PackageName::normalize)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The value of a string-valued marker variable, or null for a name that is not one. */
    String variable(String name) {
        return switch (name) {
            case "implementation_name" -> implementationName;
            case "implementation_version" -> implementationVersion;
            case "os_name" -> osName;
            case "platform_machine" -> platformMachine;
            case "platform_python_implementation" -> platformPythonImplementation;
            case "platform_release" -> platformRelease;
            case "platform_system" -> platformSystem;
            case "platform_version" -> platformVersion;
            case "python_full_version" -> pythonFullVersion.endsWith("+") ? pythonFullVersion + "local" : pythonFullVersion;
            case "python_version" -> pythonVersion;
            case "sys_platform" -> sysPlatform;
            default -> null;
        };
    }
}
