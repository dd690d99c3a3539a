package dev.fitcheck.maven;

import java.util.List;

/** List the released versions of each artifact ({@code groupId:artifactId}) in these repositories. */
public record VersionsRequest(List<String> artifacts, List<RemoteRepo> repositories) {

    public VersionsRequest {
        artifacts = List.copyOf(artifacts);
        repositories = List.copyOf(repositories);
    }
}
