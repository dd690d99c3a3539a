package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.SpecifierSet;
import java.util.Objects;

/** The Python versions a project supports ({@code requires-python}, a conda {@code python=} pin). */
public record RequiresPython(SpecifierSet specifier, SourceLocation location) {

    public RequiresPython {
        Objects.requireNonNull(specifier, "specifier");
        Objects.requireNonNull(location, "location");
    }
}
