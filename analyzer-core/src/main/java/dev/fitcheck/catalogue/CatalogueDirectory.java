package dev.fitcheck.catalogue;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One directory of catalogues for every ecosystem, each file in {@link CatalogueStore}'s format,
 * named so that ecosystems never collide:
 *
 * <pre>
 * ROOT/pypi/transformers.json.gz               a Python distribution, by its PEP 503 name
 * ROOT/maven/com.google.guava/guava.json.gz    a Maven artifact, by groupId and artifactId
 * </pre>
 *
 * The user's catalogues live under {@code ~/.cache/fitcheck/catalogues} (env-manager's
 * {@code CacheLocation.catalogues()}); the prebuilt Python ones in the repository are read from
 * {@code rules/catalogues} instead.
 */
public final class CatalogueDirectory {

    /** A path segment from a package name: no separators, no {@code .}/{@code ..}, nothing a file system could misread. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    private final Path root;

    public CatalogueDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /** Where the catalogue of {@code packageName} ({@code groupId:artifactId} for Maven) is kept. */
    public Path pathOf(Ecosystem ecosystem, String packageName) {
        return switch (ecosystem) {
            case PYPI -> root.resolve(ecosystem.id()).resolve(segment(packageName, "a Python distribution name") + ".json.gz");
            case MAVEN -> {
                String[] ga = packageName.split(":", -1);
                if (ga.length != 2) {
                    throw new InputError("expected a Maven artifact as groupId:artifactId, got '" + packageName + "'");
                }
                yield root.resolve(ecosystem.id()).resolve(segment(ga[0], "a groupId"))
                        .resolve(segment(ga[1], "an artifactId") + ".json.gz");
            }
        };
    }

    /** The stored catalogue, or empty when there is none; a file that is not a catalogue is an {@link InputError}. */
    public Optional<ApiCatalogue> load(Ecosystem ecosystem, String packageName) {
        Path file = pathOf(ecosystem, packageName);
        return Files.isRegularFile(file) ? Optional.of(CatalogueStore.read(file)) : Optional.empty();
    }

    /** Writes atomically where {@link #pathOf} says, replacing what was there; returns the file. */
    public Path save(ApiCatalogue catalogue) {
        Path file = pathOf(catalogue.axis().ecosystem(), catalogue.packageName());
        CatalogueStore.write(catalogue, file);
        return file;
    }

    private static String segment(String s, String what) {
        if (!SEGMENT.matcher(s).matches()) {
            throw new InputError("expected " + what + " of letters, digits, '.', '_' and '-', got '" + s + "'");
        }
        return s;
    }
}
