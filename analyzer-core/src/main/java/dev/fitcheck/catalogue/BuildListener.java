package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;

/** Hears each release as it is done, for a progress bar. */
@FunctionalInterface
public interface BuildListener {
    BuildListener NONE = (version, done, total) -> { };

    void releaseDone(Version version, int done, int total);
}
