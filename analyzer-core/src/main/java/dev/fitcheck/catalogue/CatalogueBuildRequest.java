package dev.fitcheck.catalogue;

import dev.fitcheck.distribution.ArchiveLimits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to catalogue: a package's releases, and optionally the catalogue to extend (its releases
 * are kept; releases it already has are not read again).
 *
 * @param packageName PEP 503-normalised distribution name
 * @param threads     parser threads (each keeps its own tree-sitter parser)
 */
public record CatalogueBuildRequest(String packageName, List<ReleaseInput> releases, Optional<ApiCatalogue> base,
                                   ArchiveLimits limits, int threads, BuildListener listener) {

    public CatalogueBuildRequest {
        Objects.requireNonNull(packageName, "packageName");
        releases = List.copyOf(releases);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(listener, "listener");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    }

    public static CatalogueBuildRequest of(String packageName, List<ReleaseInput> releases) {
        return new CatalogueBuildRequest(packageName, releases, Optional.empty(), ArchiveLimits.DEFAULT,
                Runtime.getRuntime().availableProcessors(), BuildListener.NONE);
    }

    public CatalogueBuildRequest extending(ApiCatalogue existing) {
        return new CatalogueBuildRequest(packageName, releases, Optional.of(existing), limits, threads, listener);
    }

    public CatalogueBuildRequest withListener(BuildListener l) {
        return new CatalogueBuildRequest(packageName, releases, base, limits, threads, l);
    }

    public CatalogueBuildRequest withThreads(int n) {
        return new CatalogueBuildRequest(packageName, releases, base, limits, n, listener);
    }

    public CatalogueBuildRequest withLimits(ArchiveLimits l) {
        return new CatalogueBuildRequest(packageName, releases, base, l, threads, listener);
    }
}
