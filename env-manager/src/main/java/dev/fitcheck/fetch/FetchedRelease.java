package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;
import java.nio.file.Path;

/**
 * A release file in the download cache.
 *
 * @param wheel  a wheel (else an sdist)
 * @param cached it was already in the cache: nothing was downloaded
 */
public record FetchedRelease(String packageName, Version version, Path file, String sha256, long size, boolean wheel,
                             boolean cached) {
}
