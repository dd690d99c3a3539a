package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One model on the machine: where its tree is, which manifests declare its requirements, which
 * source roots hold its code, the Python it needs, its card, its memory description, its test,
 * how its environment is built, and its entry points: the files it runs from for inference (the
 * code they import is what must run; the rest of the tree, training code for one, is reported apart).
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
        EnvironmentPolicy environment,
        List<Path> entries) {

    public ModelSpec {
        manifests = List.copyOf(manifests);
        sources = List.copyOf(sources);
        entries = List.copyOf(entries);
    }

    /** A model without entry points: every source file counts as code that runs. */
    public ModelSpec(String name, Path path, List<Path> manifests, List<Path> sources, String python, ModelCard card,
            Optional<ModelMemorySpec> memory, Optional<TestSpec> test, EnvironmentPolicy environment) {
        this(name, path, manifests, sources, python, card, memory, test, environment, List.of());
    }
}
