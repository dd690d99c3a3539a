package dev.fitcheck.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one manifest declares, includes followed.
 *
 * @param file           the manifest that was asked for
 * @param kind           how it was read
 * @param requirements   what it installs, in file order (included files in place)
 * @param constraints    what {@code -c} files pin without installing
 * @param indexOptions   where packages come from, in file order
 * @param warnings       what was skipped and why
 * @param requiresPython the Python versions it supports, when it says
 * @param filesRead      the manifest and every file it included, in the order read
 */
public record ManifestResult(Path file, ManifestKind kind, List<Requirement> requirements, List<Requirement> constraints,
        List<IndexOption> indexOptions, List<ManifestWarning> warnings, Optional<RequiresPython> requiresPython,
        List<Path> filesRead) {

    public ManifestResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        indexOptions = List.copyOf(indexOptions);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(requiresPython, "requiresPython");
        filesRead = List.copyOf(filesRead);
    }

    /** The requirement for a package ({@code name} in any spelling), first one written. */
    public Optional<Requirement> requirement(String name) {
        String normalized = PackageName.normalize(name);
        return requirements.stream().filter(r -> r.name().equals(normalized)).findFirst();
    }
}
