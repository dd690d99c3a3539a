package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.Objects;

/** One release to catalogue: its version and the archive (wheel, sdist or directory) that holds it. */
public record ReleaseInput(Version version, Path archive) {
    public ReleaseInput {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(archive, "archive");
    }
}
