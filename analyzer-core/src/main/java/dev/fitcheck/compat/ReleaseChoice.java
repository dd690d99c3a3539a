package dev.fitcheck.compat;

import dev.fitcheck.version.Version;

/** The release fitcheck picks for a model's environment, and why. */
public record ReleaseChoice(String model, String distribution, Version release, String reason) {
}
