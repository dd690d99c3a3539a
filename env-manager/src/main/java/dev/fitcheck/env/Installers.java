package dev.fitcheck.env;

import dev.fitcheck.process.ProcessRunner;
import java.nio.file.Path;
import java.util.Optional;

/** Which installers this machine has, and the provisioner for each. */
public final class Installers {

    private final Optional<Path> uv;
    private final ProcessRunner runner;

    public Installers(ExecutableLookup path, ProcessRunner runner) {
        this.uv = path.find("uv");
        this.runner = runner;
    }

    /** uv when it is on PATH, else venv + pip. */
    public InstallerKind preferred() {
        return uv.isPresent() ? InstallerKind.UV : InstallerKind.PIP;
    }

    public Provisioner provisioner(InstallerKind kind) {
        return switch (kind) {
            case UV -> new UvProvisioner(uv.orElseThrow(() -> new MissingToolError(
                    "uv is not on PATH; install it (pip install uv) or choose --installer pip")), runner);
            case PIP -> new PipProvisioner(runner);
        };
    }
}
