package dev.fitcheck.env;

import dev.fitcheck.evidence.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A requirement as a model's manifest declares it (PEP 508 parts, kept as text: the installer
 * interprets them) and the file:line it came from.
 */
public record DeclaredRequirement(PackageName name, List<String> extras, String specifier, String marker,
        Optional<String> url, Optional<SourceLocation> location) {

    public DeclaredRequirement {
        extras = List.copyOf(extras);
        specifier = specifier == null ? "" : specifier.strip();
        marker = marker == null ? "" : marker.strip();
    }

    public static DeclaredRequirement of(String name, String specifier) {
        return new DeclaredRequirement(PackageName.of(name), List.of(), specifier, "", Optional.empty(), Optional.empty());
    }

    /** The PEP 508 line an installer reads. */
    public String text() {
        return RequirementText.of(name, extras, url.isPresent() ? "" : specifier, url, marker);
    }

    /** The same requirement with another version specifier (a pin or a chosen release), extras and marker kept. */
    public String textWithSpecifier(String newSpecifier) {
        return RequirementText.of(name, extras, newSpecifier, Optional.empty(), marker);
    }

    public String origin() {
        return location.map(SourceLocation::display).orElse("declared");
    }
}
