package dev.fitcheck.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * One module's effective pom, as far as fitcheck needs it: coordinates, where its sources and
 * classes are, its dependencies and managed versions, the repositories it reads from, and its
 * modules (for an aggregator).
 */
public record MavenProject(
        Path pom,
        String groupId,
        String artifactId,
        String version,
        String packaging,
        Path sourceDirectory,
        Path outputDirectory,
        List<DeclaredDependency> dependencies,
        List<DeclaredDependency> managedDependencies,
        List<RemoteRepo> repositories,
        List<Path> modules) {

    public MavenProject {
        dependencies = List.copyOf(dependencies);
        managedDependencies = List.copyOf(managedDependencies);
        repositories = List.copyOf(repositories);
        modules = List.copyOf(modules);
    }

    public String id() {
        return groupId + ":" + artifactId;
    }

    public String label() {
        return groupId + ":" + artifactId + ":" + version;
    }

    public Path directory() {
        return pom.toAbsolutePath().getParent();
    }
}
