package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the machine's installers get packages: local wheelhouses ({@code find_links}), whether the
 * package index is off ({@code no_index}: a machine without internet), another index
 * ({@code index_url}), and which installer builds environments ({@code installer}: uv or pip;
 * empty lets fitcheck choose uv when it is on PATH).
 */
public record PackageSources(List<Path> findLinks, boolean noIndex, Optional<String> indexUrl,
        Optional<String> installer) {

    public PackageSources {
        findLinks = List.copyOf(findLinks);
    }

    public static PackageSources defaults() {
        return new PackageSources(List.of(), false, Optional.empty(), Optional.empty());
    }
}
