package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.SpecifierSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared requirement, wherever it was written: a requirements file line, a pyproject.toml
 * string, a conda spec, a {@code pip install} argument.
 *
 * @param name           the PEP 503 normalised name ({@code flash-attn}); empty for an unnamed local
 *                       path or URL such as {@code -e .} (see {@link #reference()})
 * @param nameAsWritten  the name as the file spells it ({@code Flash_Attn})
 * @param extras         requested extras, normalised and sorted
 * @param specifier      the version clauses; {@link SpecifierSet#any()} when none
 * @param marker         the environment marker after {@code ;}, if any
 * @param reference      the URL, VCS checkout or path it comes from instead of an index, if any
 * @param editable       installed with {@code -e}
 * @param hashes         {@code --hash} values ({@code sha256:...})
 * @param installOptions other options that travel with it ({@code --no-build-isolation},
 *                       {@code --config-settings=...})
 * @param origin         which installer the manifest hands it to
 * @param condaChannel   for a conda spec, the channel it names ({@code pytorch::pytorch})
 * @param text           the requirement as written, continuation lines joined
 * @param location       the file and line it came from
 */
public record Requirement(
        String name,
        String nameAsWritten,
        List<String> extras,
        SpecifierSet specifier,
        Optional<Marker> marker,
        Optional<DirectReference> reference,
        boolean editable,
        List<String> hashes,
        List<String> installOptions,
        Origin origin,
        Optional<String> condaChannel,
        String text,
        SourceLocation location) {

    /** The installer that reads the requirement. */
    public enum Origin { PIP, CONDA }

    public Requirement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameAsWritten, "nameAsWritten");
        extras = List.copyOf(extras);
        Objects.requireNonNull(specifier, "specifier");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(reference, "reference");
        hashes = List.copyOf(hashes);
        installOptions = List.copyOf(installOptions);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(condaChannel, "condaChannel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Parses a PEP 508 requirement ({@code name[extras] (specifiers) ; marker} or
     * {@code name[extras] @ url ; marker}).
     *
     * @throws InvalidRequirementException naming what is wrong, without the location
     */
    public static Requirement parse(String text, SourceLocation location) {
        return Pep508Parser.parseRequirement(text, location);
    }

    /** False for {@code -e .} and other local paths or URLs that do not say which project they are. */
    public boolean isNamed() {
        return !name.isEmpty();
    }

    /** Whether the requirement applies on that machine: no marker, or a marker that holds. */
    public boolean appliesTo(MarkerEnvironment env) {
        return marker.map(m -> m.evaluate(env)).orElse(true);
    }

    public Requirement withMarker(Optional<Marker> newMarker) {
        return new Requirement(name, nameAsWritten, extras, specifier, newMarker, reference, editable, hashes,
                installOptions, origin, condaChannel, text, location);
    }

    public Requirement withOptions(boolean isEditable, List<String> newHashes, List<String> newInstallOptions) {
        return new Requirement(name, nameAsWritten, extras, specifier, marker, reference, isEditable, newHashes,
                newInstallOptions, origin, condaChannel, text, location);
    }

    /**
     * PEP 508 form: {@code name[extras]specifier; marker}, or {@code name[extras] @ url ; marker}
     * for a direct reference (an unnamed one shows just its URL or path).
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(isNamed() ? nameAsWritten : reference.map(DirectReference::url).orElse(""));
        if (!extras.isEmpty()) {
            b.append('[').append(String.join(",", extras)).append(']');
        }
        if (reference.isEmpty()) {
            b.append(specifier);
        } else if (isNamed()) {
            b.append(" @ ").append(reference.get().url());
        }
        marker.ifPresent(m -> b.append(reference.isPresent() ? " ; " : "; ").append(m));
        return b.toString();
    }
}
