package dev.fitcheck.maven;

import java.nio.file.Path;

/** A class path entry the resolver downloaded (or found locally): its coordinates, scope and file. */
public record ResolvedJar(String groupId, String artifactId, String version, String scope, Path file, boolean direct) {

    public String id() {
        return groupId + ":" + artifactId;
    }

    public String label() {
        return id() + ":" + version;
    }
}
