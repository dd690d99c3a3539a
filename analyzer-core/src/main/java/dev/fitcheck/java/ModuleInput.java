package dev.fitcheck.java;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One module to analyse: its name ({@code groupId:artifactId:version}), its directory, its source
 * roots, the source roots of sibling modules it depends on, and its resolved class path.
 */
public record ModuleInput(String name, Path directory, List<Path> sourceRoots, List<Path> siblingSourceRoots,
        List<ClassPathJar> classPath) {

    public ModuleInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        sourceRoots = List.copyOf(sourceRoots);
        siblingSourceRoots = List.copyOf(siblingSourceRoots);
        classPath = List.copyOf(classPath);
    }
}
