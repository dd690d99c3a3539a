package dev.fitcheck.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;

/**
 * Gives the model builder the poms it asks for (parents outside the project, imported BOMs)
 * through Maven Resolver, from the repositories the poms declare (mirrored as settings say) and the
 * reactor. Maven's own resolver for this is package-private, so this is the small public one.
 */
final class RepositoryModelResolver implements ModelResolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    RepositoryModelResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = new ArrayList<>(repositories);
    }

    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
        try {
            var result = system.resolveArtifact(session, new ArtifactRequest(
                    new DefaultArtifact(groupId, artifactId, "", "pom", version), repositories, "model"));
            return new FileModelSource(result.getArtifact().getPath().toFile());
        } catch (ArtifactResolutionException e) {
            throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
        }
    }

    @Override
    public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
        String version = highest(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        parent.setVersion(version);
        return resolveModel(parent.getGroupId(), parent.getArtifactId(), version);
    }

    @Override
    public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
        String version = highest(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        dependency.setVersion(version);
        return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), version);
    }

    /** A parent or BOM given by a range resolves to the highest release in it, as Maven does. */
    private String highest(String groupId, String artifactId, String version) throws UnresolvableModelException {
        if (version == null || !(version.startsWith("[") || version.startsWith("("))) {
            return version;
        }
        try {
            VersionRangeResult r = system.resolveVersionRange(session, new VersionRangeRequest(
                    new DefaultArtifact(groupId, artifactId, "", "pom", version), repositories, "model"));
            if (r.getHighestVersion() == null) {
                throw new UnresolvableModelException("no release of " + groupId + ":" + artifactId + " in " + version,
                        groupId, artifactId, version);
            }
            return r.getHighestVersion().toString();
        } catch (VersionRangeResolutionException e) {
            throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
        }
    }

    @Override
    public void addRepository(Repository repository) {
        addRepository(repository, false);
    }

    @Override
    public void addRepository(Repository repository, boolean replace) {
        boolean known = repositories.stream().anyMatch(r -> r.getId().equals(repository.getId()));
        if (known && !replace) {
            return;
        }
        repositories.removeIf(r -> r.getId().equals(repository.getId()));
        RemoteRepository added = new RemoteRepository.Builder(repository.getId(), "default", repository.getUrl()).build();
        repositories.addAll(system.newResolutionRepositories(session, List.of(added)));
    }

    @Override
    public ModelResolver newCopy() {
        return new RepositoryModelResolver(system, session, repositories);
    }
}
