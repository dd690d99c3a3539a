package dev.fitcheck.fetch;

import java.nio.file.Path;

/**
 * Where fitcheck keeps what it downloads and builds: {@code $XDG_CACHE_HOME/fitcheck}, else
 * {@code ~/.cache/fitcheck}.
 */
public final class CacheLocation {

    private CacheLocation() {
    }

    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fitcheck");
    }

    /** Downloaded release files, content-addressed. */
    public static Path downloads() {
        return root().resolve("downloads");
    }

    /**
     * The catalogues the user built or extended, every ecosystem's in one store
     * ({@code dev.fitcheck.catalogue.CatalogueDirectory}): {@code catalogues/pypi/transformers.json.gz},
     * {@code catalogues/maven/com.google.guava/guava.json.gz}.
     */
    public static Path catalogues() {
        return root().resolve("catalogues");
    }
}
