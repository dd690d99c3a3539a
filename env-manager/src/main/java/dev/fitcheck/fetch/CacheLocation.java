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

    /** Catalogues the user built or extended, per ecosystem: {@code catalogues/pypi/transformers.json.gz}. */
    public static Path catalogues(String ecosystem) {
        return root().resolve("catalogues").resolve(ecosystem);
    }
}
