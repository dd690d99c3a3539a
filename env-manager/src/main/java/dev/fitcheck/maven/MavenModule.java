package dev.fitcheck.maven;

import dev.fitcheck.java.ConvergenceProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * One module of a project, resolved: its effective pom, the verbose dependency tree, convergence
 * problems, the class path (jars, in Maven's order, without test scope and without sibling
 * modules) and the source directories of the sibling modules it depends on (their types are the
 * project's own, not a dependency's).
 */
public record MavenModule(MavenProject project, GraphNode tree, List<ConvergenceProblem> convergence,
        List<ResolvedJar> classPath, List<Path> siblingSourceRoots, List<ResolutionError> errors) {

    public MavenModule {
        convergence = List.copyOf(convergence);
        classPath = List.copyOf(classPath);
        siblingSourceRoots = List.copyOf(siblingSourceRoots);
        errors = List.copyOf(errors);
    }
}
