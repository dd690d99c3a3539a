package dev.fitcheck.java;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The test library "shapes" in three releases, compiled from src/test/resources/java-fixtures:
 * 1.0; 2.0 drops {@code Shape.square(int)} and {@code Shape.Builder}, makes {@code sides} static,
 * stops implementing {@code Drawable} and moves {@code area()} up into its package-private base;
 * 3.0 brings {@code Builder} back (final, without {@code sides(int)}) and makes {@code resize} final.
 * {@code garden} uses 1.0 (and overrides {@code resize}).
 */
record ShapesFixture(Path v1, Path v2, Path v3, Path gardenSources, Path gardenJar) {

    static Path resources() {
        try {
            return Path.of(ShapesFixture.class.getResource("/java-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ShapesFixture build(Path work) {
        Path res = resources();
        Path v1 = InProcessCompiler.buildJar(res.resolve("shapes-1"), List.of(), work, work.resolve("shapes-1.0.jar"));
        Path v2 = InProcessCompiler.buildJar(res.resolve("shapes-2"), List.of(), work, work.resolve("shapes-2.0.jar"));
        Path v3 = InProcessCompiler.buildJar(res.resolve("shapes-3"), List.of(), work, work.resolve("shapes-3.0.jar"));
        Path garden = InProcessCompiler.buildJar(res.resolve("garden"), List.of(v1), work, work.resolve("garden-1.0.jar"));
        return new ShapesFixture(v1, v2, v3, res.resolve("garden"), garden);
    }

    JavaCatalogue catalogue() {
        JarApiReader reader = new JarApiReader();
        // added out of order on purpose: the catalogue orders releases itself
        return new JavaCatalogue(new JavaCatalogueBuilder("org.acme:shapes")
                .add("3.0", reader.read(v3))
                .add("1.0", reader.read(v1))
                .add("2.0", reader.read(v2))
                .build());
    }

    ClassPath classPath(Path shapesJar, String version) {
        return JavaProjectAnalysis.classPathOf(List.of(new ClassPathJar("org.acme:shapes", version, shapesJar, true)));
    }
}
