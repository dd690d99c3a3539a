package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the readers gather while they walk a manifest and its includes; turned into a {@link ManifestResult} at the end. */
final class ManifestCollector {

    final List<Requirement> requirements = new ArrayList<>();
    final List<Requirement> constraints = new ArrayList<>();
    final List<IndexOption> indexOptions = new ArrayList<>();
    final List<ManifestWarning> warnings = new ArrayList<>();
    final List<Path> filesRead = new ArrayList<>();
    RequiresPython requiresPython;

    void requirement(Requirement r, boolean constraint) {
        (constraint ? constraints : requirements).add(r);
    }

    void option(IndexOption.Kind kind, String value, SourceLocation at) {
        indexOptions.add(new IndexOption(kind, Optional.ofNullable(value), at));
    }

    void warn(SourceLocation at, String message) {
        warnings.add(new ManifestWarning(at, message));
    }

    ManifestResult result(Path file, ManifestKind kind) {
        return new ManifestResult(file, kind, requirements, constraints, indexOptions, warnings,
                Optional.ofNullable(requiresPython), filesRead);
    }
}
