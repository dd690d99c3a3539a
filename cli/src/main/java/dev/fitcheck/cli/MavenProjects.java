package dev.fitcheck.cli;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.java.ClassPathJar;
import dev.fitcheck.java.ModuleInput;
import dev.fitcheck.maven.DeclaredDependency;
import dev.fitcheck.maven.GraphNode;
import dev.fitcheck.maven.MavenModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Maven commands share: finding the pom in a path (how {@code scan} and {@code gate} tell a
 * Maven project from a Python one), and turning a resolved module into the analyser's input.
 */
final class MavenProjects {

    private MavenProjects() {
    }

    /** {@code path} itself when it is a pom file, {@code path/pom.xml} when that exists. */
    static Optional<Path> findPom(Path path) {
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".xml")) {
            return Optional.of(path.toAbsolutePath().normalize());
        }
        Path pom = path.resolve("pom.xml");
        return Files.isRegularFile(pom) ? Optional.of(pom.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The root of the git checkout holding {@code start} (what SARIF URIs are relative to), else its directory. */
    static Path repositoryRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return dir;
    }

    static ModuleInput input(MavenModule m) {
        List<ClassPathJar> jars = new ArrayList<>();
        m.classPath().forEach(j -> jars.add(new ClassPathJar(j.id(), j.version(), j.file(), j.direct())));
        return new ModuleInput(m.project().label(), m.project().directory(), List.of(m.project().sourceDirectory()),
                m.siblingSourceRoots(), jars);
    }

    /**
     * For each artifact of the module's graph, the line of the repository that brings it in: the
     * {@code <dependency>} element of the direct dependency it comes through (or its version line when
     * the element lies outside the repository), so a finding about any jar points at a pom line.
     */
    static Map<String, SourceLocation> declarations(MavenModule m, Path repositoryRoot) {
        Map<String, SourceLocation> direct = new HashMap<>();
        for (DeclaredDependency d : m.project().dependencies()) {
            Optional<SourceLocation> at = d.declaredAt().filter(l -> inside(l, repositoryRoot))
                    .or(() -> d.versionLocation().filter(l -> inside(l, repositoryRoot)));
            direct.put(d.id(), at.orElse(SourceLocation.of(m.project().pom(), 1)));
        }
        Map<String, SourceLocation> out = new HashMap<>(direct);
        for (GraphNode child : m.tree().children()) {
            SourceLocation at = direct.getOrDefault(child.id(), SourceLocation.of(m.project().pom(), 1));
            mark(child, at, out);
        }
        return out;
    }

    private static void mark(GraphNode node, SourceLocation at, Map<String, SourceLocation> out) {
        out.putIfAbsent(node.id(), at);
        for (GraphNode c : node.children()) mark(c, at, out);
    }

    private static boolean inside(SourceLocation l, Path root) {
        return l.file().toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }
}
