package dev.fitcheck.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.maven.settings.Settings;

/**
 * The parts of Maven's settings fitcheck honours: the local repository, offline mode, mirrors,
 * proxies and server credentials, merged from the global and user settings files as Maven merges
 * them.
 */
public record MavenSettings(Path localRepository, boolean offline, Settings effective, List<Path> sources) {

    public MavenSettings {
        Objects.requireNonNull(localRepository, "localRepository");
        Objects.requireNonNull(effective, "effective");
        sources = List.copyOf(sources);
    }
}
