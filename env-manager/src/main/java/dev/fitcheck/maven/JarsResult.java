package dev.fitcheck.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The jar file of each release that could be fetched, and why the others could not. */
public record JarsResult(Map<ArtifactCoordinate, Path> jars, List<ResolutionError> errors) {

    public JarsResult {
        jars = Map.copyOf(jars);
        errors = List.copyOf(errors);
    }
}
