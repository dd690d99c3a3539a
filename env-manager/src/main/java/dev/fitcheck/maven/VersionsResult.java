package dev.fitcheck.maven;

import java.util.List;
import java.util.Map;

/** Per artifact, its versions in Maven's order (oldest first); per artifact that failed, why. */
public record VersionsResult(Map<String, List<String>> versions, List<ResolutionError> errors) {

    public VersionsResult {
        versions = Map.copyOf(versions);
        errors = List.copyOf(errors);
    }
}
