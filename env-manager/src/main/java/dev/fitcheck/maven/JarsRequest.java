package dev.fitcheck.maven;

import java.util.List;

/** Fetch the jar of each release into the local repository (no transitive dependencies). */
public record JarsRequest(List<ArtifactCoordinate> artifacts, List<RemoteRepo> repositories) {

    public JarsRequest {
        artifacts = List.copyOf(artifacts);
        repositories = List.copyOf(repositories);
    }
}
