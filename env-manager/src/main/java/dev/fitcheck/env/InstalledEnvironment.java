package dev.fitcheck.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model's current, complete environment: the stable path ({@code envs/<model>}), the build it
 * points to, and the record fitcheck wrote when it finished.
 */
public record InstalledEnvironment(Path path, Path build, EnvironmentRecord record) {

    public VirtualEnvironment venv() {
        return new VirtualEnvironment(path);
    }

    public Path python() {
        return venv().python();
    }

    public EnvironmentContents contents() {
        return EnvironmentContents.read(venv(), record.python().sitePackages());
    }

    /** The environment the stable path points to, if it is complete and its interpreter is still there. */
    public static Optional<InstalledEnvironment> current(EnvironmentLayout layout, String model) {
        Path link = layout.link(model);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        Path build;
        try {
            build = link.toRealPath();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        Optional<EnvironmentRecord> rec = EnvironmentRecord.read(build);
        if (rec.isEmpty() || !new VirtualEnvironment(build).interpreterPresent()) {
            return Optional.empty();
        }
        return Optional.of(new InstalledEnvironment(link, build, rec.get()));
    }
}
