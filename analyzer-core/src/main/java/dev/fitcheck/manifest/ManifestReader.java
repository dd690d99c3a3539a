package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads any manifest: the format comes from the file name ({@code requirements*.txt}, {@code *.in},
 * {@code pyproject.toml}, {@code environment*.yml|yaml}, {@code *.sh}) or is given.
 */
public final class ManifestReader {

    private static final Map<ManifestKind, ManifestFormatReader> READERS = new EnumMap<>(Map.of(
            ManifestKind.REQUIREMENTS, new RequirementsFileReader(),
            ManifestKind.PYPROJECT, new PyprojectReader(),
            ManifestKind.CONDA_ENVIRONMENT, new CondaEnvironmentReader(),
            ManifestKind.SHELL_SCRIPT, new InstallScriptReader()));

    private ManifestReader() {
    }

    /** @throws InputError when the name says no format, or the file is missing or malformed */
    public static ManifestResult read(Path file) {
        ManifestKind kind = ManifestKind.of(file).orElseThrow(() -> new InputError(SourceLocation.wholeFile(file),
                "cannot tell the manifest format from the name; expected requirements*.txt, *.in, pyproject.toml, "
                        + "environment*.yml or *.sh, or give the kind explicitly"));
        return read(file, kind);
    }

    /** Reads {@code file} as {@code kind}, whatever its name. */
    public static ManifestResult read(Path file, ManifestKind kind) {
        ManifestResult r = READERS.get(kind).read(file);
        return r.kind() == kind ? r : new ManifestResult(r.file(), kind, r.requirements(), r.constraints(), r.indexOptions(),
                r.warnings(), r.requiresPython(), r.filesRead());
    }
}
