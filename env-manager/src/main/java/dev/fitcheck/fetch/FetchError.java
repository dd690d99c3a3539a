package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;

/** A release that could not be downloaded, with pip's reason in one sentence. */
public record FetchError(String packageName, Version version, String sentence) {
}
