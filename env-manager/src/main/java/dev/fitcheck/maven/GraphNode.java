package dev.fitcheck.maven;

import java.util.List;
import java.util.Optional;

/**
 * A node of the verbose dependency tree. A node that lost a version conflict stays in the tree
 * (without children) with {@code winnerVersion} set to the version nearest-wins picked;
 * {@code premanagedVersion} is what the pom asked for before dependencyManagement replaced it.
 */
public record GraphNode(String groupId, String artifactId, String version, String scope, boolean optional,
        Optional<String> winnerVersion, Optional<String> premanagedVersion, List<GraphNode> children) {

    public GraphNode {
        children = List.copyOf(children);
    }

    public String id() {
        return groupId + ":" + artifactId;
    }

    public String label() {
        return groupId + ":" + artifactId + ":" + version;
    }

    public boolean lost() {
        return winnerVersion.isPresent();
    }
}
