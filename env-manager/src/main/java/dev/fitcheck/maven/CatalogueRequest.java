package dev.fitcheck.maven;

import dev.fitcheck.java.ReleaseSelection;
import java.util.List;
import java.util.Map;

/**
 * Catalogue each artifact ({@code groupId:artifactId} to its resolved release) over the releases
 * {@code selection} picks, from these repositories.
 */
public record CatalogueRequest(Map<String, String> artifacts, ReleaseSelection selection, List<RemoteRepo> repositories) {

    public CatalogueRequest {
        artifacts = Map.copyOf(artifacts);
        repositories = List.copyOf(repositories);
    }
}
