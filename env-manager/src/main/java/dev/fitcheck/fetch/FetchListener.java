package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;

/** Hears each release as its download ends, for a progress bar. Called from download threads. */
@FunctionalInterface
public interface FetchListener {
    FetchListener NONE = (version, done, total) -> { };

    void released(Version version, int done, int total);
}
