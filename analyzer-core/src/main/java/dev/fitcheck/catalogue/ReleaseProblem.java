package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.nio.file.Path;

/** A release that could not be catalogued, and why, in one sentence naming the archive. */
public record ReleaseProblem(Version version, Path archive, String sentence) {
}
