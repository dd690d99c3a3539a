package dev.fitcheck.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * The modules of the project being read, as a workspace the resolver consults before any
 * repository: a module that depends on a sibling finds the sibling's pom here (and its classes,
 * once built), as in a Maven reactor build, rather than in a repository that never had it.
 */
final class ReactorReader implements WorkspaceReader {

    record Module(String groupId, String artifactId, String version, Path pom, Path outputDirectory) {
    }

    private final WorkspaceRepository repository = new WorkspaceRepository("reactor");
    private final Map<String, Module> modules = new ConcurrentHashMap<>();

    void register(Module module) {
        modules.put(module.groupId() + ":" + module.artifactId() + ":" + module.version(), module);
    }

    boolean isModule(String groupId, String artifactId) {
        return modules.values().stream().anyMatch(m -> m.groupId().equals(groupId) && m.artifactId().equals(artifactId));
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        Module m = modules.get(artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion());
        if (m == null) {
            return null;
        }
        if ("pom".equals(artifact.getExtension())) {
            return m.pom().toFile();
        }
        if ("jar".equals(artifact.getExtension()) && artifact.getClassifier().isEmpty() && Files.isDirectory(m.outputDirectory())) {
            return m.outputDirectory().toFile();
        }
        return null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return modules.values().stream()
                .filter(m -> m.groupId().equals(artifact.getGroupId()) && m.artifactId().equals(artifact.getArtifactId()))
                .map(Module::version)
                .toList();
    }
}
