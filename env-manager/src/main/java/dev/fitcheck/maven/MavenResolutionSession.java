package dev.fitcheck.maven;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.model.building.ModelBuilder;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.graph.manager.DependencyManagerUtils;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.version.Version;

/**
 * {@link MavenResolution} on Maven Resolver used as a library ({@code maven-resolver-supplier-mvn3}):
 * one repository system and one session, set up from the user's settings (local repository,
 * offline, mirrors, proxies, credentials), with the conflict resolver verbose so that the losers
 * of version conflicts stay in the tree for the convergence report.
 */
public final class MavenResolutionSession implements MavenResolution {

    static final RemoteRepo CENTRAL = new RemoteRepo("central", "https://repo.maven.apache.org/maven2/");

    private final RepositorySystem system;
    private final CloseableSession session;
    private final EffectivePomReader pomReader;
    private final ReactorReader reactor = new ReactorReader();

    private MavenResolutionSession(MavenSettings settings, Consumer<String> progress) {
        RepositorySystemSupplier supplier = new RepositorySystemSupplier();
        this.system = supplier.get();
        ModelBuilder modelBuilder = supplier.getModelBuilder();
        this.pomReader = new EffectivePomReader(modelBuilder);
        this.session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(settings.offline())
                .setMirrorSelector(RepositorySelectors.mirrors(settings.effective()))
                .setProxySelector(RepositorySelectors.proxies(settings.effective()))
                .setAuthenticationSelector(RepositorySelectors.authentication(settings.effective()))
                .setWorkspaceReader(reactor)
                .setSystemProperties(System.getProperties())
                .setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, ConflictResolver.Verbosity.STANDARD)
                .setConfigProperty(DependencyManagerUtils.CONFIG_PROP_VERBOSE, true)
                .setTransferListener(new AbstractTransferListener() {
                    @Override
                    public void transferSucceeded(TransferEvent event) {
                        String name = event.getResource().getResourceName();
                        if (event.getRequestType() == TransferEvent.RequestType.GET && name.endsWith(".jar")) {
                            progress.accept("downloaded " + name.substring(name.lastIndexOf('/') + 1));
                        }
                    }
                })
                .build();
    }

    /** A session on the user's settings; {@code progress} hears of each jar downloaded. */
    public static MavenResolutionSession open(MavenSettings settings, Consumer<String> progress) {
        return new MavenResolutionSession(settings, progress);
    }

    @Override
    public ProjectResult readProject(ProjectRequest request) {
        Path rootPom = request.pom().toAbsolutePath().normalize();
        List<MavenProject> projects = new ArrayList<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(rootPom));
        Set<Path> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            Path pom = queue.removeFirst();
            if (!seen.add(pom)) continue;
            MavenProject p = pomReader.read(pom, new RepositoryModelResolver(system, session, remote(List.of(CENTRAL))));
            projects.add(p);
            reactor.register(new ReactorReader.Module(p.groupId(), p.artifactId(), p.version(), p.pom(), p.outputDirectory()));
            p.modules().forEach(queue::addLast);
        }
        Map<String, MavenProject> byId = new HashMap<>();
        projects.forEach(p -> byId.put(p.id(), p));
        List<MavenModule> modules = new ArrayList<>();
        for (MavenProject p : projects) {
            modules.add(resolve(p, request.overrides(), byId));
        }
        return new ProjectResult(modules);
    }

    private MavenModule resolve(MavenProject project, List<ArtifactCoordinate> overrides, Map<String, MavenProject> reactorProjects) {
        List<ResolutionError> errors = new ArrayList<>();
        Map<String, String> forced = new LinkedHashMap<>();
        overrides.forEach(o -> forced.put(o.id(), o.version()));

        CollectRequest collect = new CollectRequest();
        collect.setRootArtifact(new DefaultArtifact(project.groupId(), project.artifactId(), "", "pom", project.version()));
        for (DeclaredDependency d : project.dependencies()) {
            collect.addDependency(dependency(d, forced.getOrDefault(d.id(), d.version())));
        }
        // Overrides first: the dependency manager keeps the first managed version of an artifact.
        for (ArtifactCoordinate o : overrides) {
            collect.addManagedDependency(new Dependency(new DefaultArtifact(o.groupId(), o.artifactId(), "jar", o.version()), null));
        }
        for (DeclaredDependency d : project.managedDependencies()) {
            collect.addManagedDependency(dependency(d, forced.getOrDefault(d.id(), d.version())));
        }
        List<RemoteRepository> repos = remote(repositoriesOf(project));
        collect.setRepositories(repos);
        collect.setRequestContext("project");

        CollectResult result;
        try {
            result = system.collectDependencies(session, collect);
        } catch (DependencyCollectionException e) {
            result = e.getResult();
        }
        for (Exception e : result.getExceptions()) {
            errors.add(new ResolutionError(project.label(), oneLine(e)));
        }
        GraphNode tree = VerboseTree.convert(result.getRoot());

        List<ArtifactRequest> requests = new ArrayList<>();
        Map<ArtifactRequest, DependencyNode> nodes = new LinkedHashMap<>();
        List<Path> siblingSources = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        Set<String> direct = new LinkedHashSet<>();
        project.dependencies().forEach(d -> direct.add(d.id()));
        preorder(result.getRoot(), node -> {
            Artifact a = node.getArtifact();
            String key = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getClassifier() + ":" + a.getExtension();
            if (!taken.add(key)) return;
            MavenProject sibling = reactorProjects.get(a.getGroupId() + ":" + a.getArtifactId());
            if (sibling != null && sibling.version().equals(a.getVersion())) {
                siblingSources.add(sibling.sourceDirectory());
                return;
            }
            if ("pom".equals(a.getExtension())) return;
            ArtifactRequest r = new ArtifactRequest(a, repos, "project");
            requests.add(r);
            nodes.put(r, node);
        });
        List<ResolvedJar> classPath = new ArrayList<>();
        for (ArtifactResult r : resolveAll(requests)) {
            DependencyNode node = nodes.get(r.getRequest());
            Artifact a = node.getArtifact();
            if (r.isResolved() && r.getArtifact().getPath() != null) {
                classPath.add(new ResolvedJar(a.getGroupId(), a.getArtifactId(), a.getVersion(),
                        node.getDependency().getScope(), r.getArtifact().getPath(), direct.contains(a.getGroupId() + ":" + a.getArtifactId())));
            } else {
                errors.add(new ResolutionError(a.toString(), r.getExceptions().isEmpty() ? "not found"
                        : oneLine(r.getExceptions().get(0))));
            }
        }
        return new MavenModule(project, tree, VerboseTree.convergence(tree), classPath, siblingSources, errors);
    }

    /** Winners only (losers of conflicts carry the winner's data), test scope left out, in Maven's class path order. */
    private static void preorder(DependencyNode root, Consumer<DependencyNode> visit) {
        Deque<DependencyNode> stack = new ArrayDeque<>();
        for (int i = root.getChildren().size() - 1; i >= 0; i--) stack.push(root.getChildren().get(i));
        while (!stack.isEmpty()) {
            DependencyNode n = stack.pop();
            if (n.getData().get(ConflictResolver.NODE_DATA_WINNER) != null) continue;
            if (n.getDependency() == null || "test".equals(n.getDependency().getScope())) continue;
            visit.accept(n);
            for (int i = n.getChildren().size() - 1; i >= 0; i--) stack.push(n.getChildren().get(i));
        }
    }

    private Dependency dependency(DeclaredDependency d, String version) {
        ArtifactType type = session.getArtifactTypeRegistry().get(d.type());
        String extension = type == null ? d.type() : type.getExtension();
        String classifier = d.classifier().isEmpty() && type != null ? type.getClassifier() : d.classifier();
        Artifact artifact = new DefaultArtifact(d.groupId(), d.artifactId(), classifier, extension, version, type);
        return new Dependency(artifact, d.scope(), d.optional(), List.<Exclusion>of());
    }

    private List<ArtifactResult> resolveAll(List<ArtifactRequest> requests) {
        if (requests.isEmpty()) return List.of();
        try {
            return system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            return e.getResults();
        }
    }

    private static List<RemoteRepo> repositoriesOf(MavenProject project) {
        List<RemoteRepo> repos = new ArrayList<>(project.repositories());
        if (repos.stream().noneMatch(r -> r.id().equals(CENTRAL.id()))) repos.add(CENTRAL);
        return repos;
    }

    private List<RemoteRepository> remote(List<RemoteRepo> repos) {
        List<RemoteRepository> out = new ArrayList<>();
        for (RemoteRepo r : repos) {
            out.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build());
        }
        return system.newResolutionRepositories(session, out);
    }

    @Override
    public VersionsResult listVersions(VersionsRequest request) {
        List<RemoteRepository> repos = remote(request.repositories().isEmpty() ? List.of(CENTRAL) : request.repositories());
        Map<String, List<String>> versions = new LinkedHashMap<>();
        List<ResolutionError> errors = new ArrayList<>();
        for (String ga : request.artifacts()) {
            String[] parts = ga.split(":");
            if (parts.length != 2) {
                throw new InputError("expected groupId:artifactId, got '" + ga + "'");
            }
            try {
                VersionRangeResult r = system.resolveVersionRange(session, new VersionRangeRequest(
                        new DefaultArtifact(parts[0], parts[1], "jar", "[0,)"), repos, "versions"));
                List<String> vs = r.getVersions().stream().map(Version::toString).toList();
                if (vs.isEmpty()) {
                    errors.add(new ResolutionError(ga, r.getExceptions().isEmpty() ? "no released version found"
                            : oneLine(r.getExceptions().get(0))));
                } else {
                    versions.put(ga, vs);
                }
            } catch (VersionRangeResolutionException e) {
                errors.add(new ResolutionError(ga, oneLine(e)));
            }
        }
        return new VersionsResult(versions, errors);
    }

    @Override
    public JarsResult fetchJars(JarsRequest request) {
        List<RemoteRepository> repos = remote(request.repositories().isEmpty() ? List.of(CENTRAL) : request.repositories());
        List<ArtifactRequest> requests = new ArrayList<>();
        Map<ArtifactRequest, ArtifactCoordinate> asked = new LinkedHashMap<>();
        for (ArtifactCoordinate c : request.artifacts()) {
            ArtifactRequest r = new ArtifactRequest(new DefaultArtifact(c.groupId(), c.artifactId(), "jar", c.version()), repos, "catalogue");
            requests.add(r);
            asked.put(r, c);
        }
        Map<ArtifactCoordinate, Path> jars = new LinkedHashMap<>();
        List<ResolutionError> errors = new ArrayList<>();
        for (ArtifactResult r : resolveAll(requests)) {
            ArtifactCoordinate c = asked.get(r.getRequest());
            if (r.isResolved() && r.getArtifact().getPath() != null && Files.isRegularFile(r.getArtifact().getPath())) {
                jars.put(c, r.getArtifact().getPath());
            } else {
                errors.add(new ResolutionError(c.toString(), r.getExceptions().isEmpty() ? "not found"
                        : oneLine(r.getExceptions().get(0))));
            }
        }
        return new JarsResult(jars, errors);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        session.close();
        system.shutdown();
    }
}
