package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One model on the machine: where its tree is, which manifests declare its requirements, which
 * source roots hold its code, the Python it needs, its card, its memory description, its test and
 * how its environment is built.
 */
public record ModelSpec(
        String name,
        Path path,
        List<Path> manifests,
        List<Path> sources,
        String python,
        ModelCard card,
        Optional<ModelMemorySpec> memory,
        Optional<TestSpec> test,
        EnvironmentPolicy environment) {

    public ModelSpec {
        manifests = List.copyOf(manifests);
        sources = List.copyOf(sources);
    }
}
