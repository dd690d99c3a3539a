package dev.fitcheck.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * Read the project at {@code pom} (and its modules) and resolve each module's dependencies, with
 * {@code overrides} forced as if the project's pom pinned them (how a gate tries an upgrade,
 * transitive uses included).
 */
public record ProjectRequest(Path pom, List<ArtifactCoordinate> overrides) {

    public ProjectRequest {
        overrides = List.copyOf(overrides);
    }

    public static ProjectRequest of(Path pom) {
        return new ProjectRequest(pom, List.of());
    }
}
