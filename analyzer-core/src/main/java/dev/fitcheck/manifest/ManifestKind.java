package dev.fitcheck.manifest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The manifest formats fitcheck reads. */
public enum ManifestKind {
    /** pip's requirements format: {@code requirements*.txt}, {@code *.in}, constraints files. */
    REQUIREMENTS,
    /** PEP 621 {@code [project]} dependencies in pyproject.toml. */
    PYPROJECT,
    /** A conda {@code environment*.yml}. */
    CONDA_ENVIRONMENT,
    /** {@code pip install} lines in a shell script such as install.sh. */
    SHELL_SCRIPT;

    /** The kind a file's name says: requirements*.txt, *.in, pyproject.toml, environment*.yml|yaml, *.sh. */
    public static Optional<ManifestKind> of(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        if (name.equals("pyproject.toml")) {
            return Optional.of(PYPROJECT);
        }
        if (((name.startsWith("requirements") || name.startsWith("constraints")) && name.endsWith(".txt")) || name.endsWith(".in")) {
            return Optional.of(REQUIREMENTS);
        }
        if (name.startsWith("environment") && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
            return Optional.of(CONDA_ENVIRONMENT);
        }
        if (name.endsWith(".sh")) {
            return Optional.of(SHELL_SCRIPT);
        }
        return Optional.empty();
    }
}
