package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.Version;
import java.util.Optional;

/**
 * A distribution installed in an environment: its normalised name, its version when one is
 * known (an editable checkout or a local file may have none), how the source wrote it, and where.
 */
public record InstalledPackage(String name, Optional<Version> version, String asWritten, SourceLocation location) {
}
