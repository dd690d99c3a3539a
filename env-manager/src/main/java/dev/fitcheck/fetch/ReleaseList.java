package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;
import java.util.List;
import java.util.Optional;

/**
 * A package's releases as the configured index lists them, oldest first; {@code error} says why the
 * list is empty when it could not be read.
 */
public record ReleaseList(String packageName, List<Version> versions, Optional<String> error) {
    public ReleaseList {
        versions = List.copyOf(versions);
    }
}
