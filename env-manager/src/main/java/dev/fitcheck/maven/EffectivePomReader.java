package dev.fitcheck.maven;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.resolution.ModelResolver;

/**
 * Builds a pom's effective model with Maven's model builder (parents by relative path or from a
 * repository, properties, profiles active on this JDK and OS, dependencyManagement with imported
 * BOMs) and keeps where each dependency's version came from.
 */
final class EffectivePomReader {

    private final ModelBuilder builder;

    EffectivePomReader(ModelBuilder builder) {
        this.builder = builder;
    }

    MavenProject read(Path pom, ModelResolver resolver) {
        if (!Files.isRegularFile(pom)) {
            throw new InputError(SourceLocation.wholeFile(pom), "expected a Maven pom.xml here, found none");
        }
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest()
                .setPomFile(pom.toFile())
                .setModelResolver(resolver)
                .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
                .setProcessPlugins(false)
                .setTwoPhaseBuilding(false)
                .setLocationTracking(true)
                .setSystemProperties(systemProperties());
        Model model;
        try {
            model = builder.build(request).getEffectiveModel();
        } catch (ModelBuildingException e) {
            throw inputError(pom, e);
        }
        Path dir = pom.toAbsolutePath().getParent();
        List<DeclaredDependency> deps = new ArrayList<>();
        model.getDependencies().forEach(d -> deps.add(declared(d)));
        List<DeclaredDependency> managed = new ArrayList<>();
        if (model.getDependencyManagement() != null) {
            model.getDependencyManagement().getDependencies().forEach(d -> managed.add(declared(d)));
        }
        List<RemoteRepo> repos = new ArrayList<>();
        for (Repository r : model.getRepositories()) {
            repos.add(new RemoteRepo(r.getId(), r.getUrl()));
        }
        List<Path> modules = new ArrayList<>();
        for (String m : model.getModules()) {
            Path p = dir.resolve(m).normalize();
            modules.add(Files.isDirectory(p) ? p.resolve("pom.xml") : p);
        }
        return new MavenProject(pom.toAbsolutePath().normalize(), model.getGroupId(), model.getArtifactId(),
                model.getVersion(), model.getPackaging(),
                Path.of(model.getBuild().getSourceDirectory()), Path.of(model.getBuild().getOutputDirectory()),
                deps, managed, repos, modules);
    }

    private static Properties systemProperties() {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        System.getenv().forEach((k, v) -> p.setProperty("env." + k, v));
        return p;
    }

    private static DeclaredDependency declared(Dependency d) {
        return new DeclaredDependency(d.getGroupId(), d.getArtifactId(), d.getVersion(),
                d.getScope() == null ? "compile" : d.getScope(), d.isOptional(), d.getType(),
                d.getClassifier() == null ? "" : d.getClassifier(), location(d.getLocation("")),
                location(d.getLocation("version")));
    }

    private static Optional<SourceLocation> location(InputLocation at) {
        if (at == null || at.getSource() == null || at.getSource().getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SourceLocation(Path.of(at.getSource().getLocation()), at.getLineNumber(),
                    Math.max(at.getColumnNumber(), 0)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static InputError inputError(Path pom, ModelBuildingException e) {
        ModelProblem p = e.getProblems().stream()
                .filter(x -> x.getSeverity() != ModelProblem.Severity.WARNING)
                .findFirst().orElse(e.getProblems().isEmpty() ? null : e.getProblems().get(0));
        if (p == null) {
            return new InputError(SourceLocation.wholeFile(pom), "expected a valid Maven pom: " + e.getMessage(), e);
        }
        Path file = pom;
        if (p.getSource() != null && !p.getSource().isBlank()) {
            try {
                Path candidate = Path.of(p.getSource());
                if (Files.exists(candidate)) file = candidate;
            } catch (InvalidPathException ignored) {
                // the source is a model id (g:a:v), not a file: point at the project's pom
            }
        }
        String msg = p.getMessage().replaceAll("\\s+@.*$", "");
        return new InputError(new SourceLocation(file, Math.max(p.getLineNumber(), 0), Math.max(p.getColumnNumber(), 0)),
                "expected a valid Maven pom: " + msg, e);
    }
}
