package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;
import java.util.List;
import java.util.Objects;

/**
 * Releases of one package to bring into the cache.
 *
 * @param parallel how many pip processes may download at once
 */
public record FetchRequest(String packageName, List<Version> versions, int parallel, FetchListener listener) {

    public FetchRequest {
        Objects.requireNonNull(packageName, "packageName");
        versions = List.copyOf(versions);
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1");
        Objects.requireNonNull(listener, "listener");
    }

    public static FetchRequest of(String packageName, List<Version> versions) {
        return new FetchRequest(packageName, versions, 4, FetchListener.NONE);
    }

    public FetchRequest withListener(FetchListener l) {
        return new FetchRequest(packageName, versions, parallel, l);
    }
}
