package dev.fitcheck.cli;

import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.manifest.PackageName;

/**
 * A package as {@code fitcheck catalogue} names it: a Python distribution ({@code transformers},
 * or {@code pypi:transformers}) or a Maven artifact ({@code maven:com.google.guava:guava}).
 *
 * @param name PEP 503-normalised for Python, {@code groupId:artifactId} for Maven
 */
record CataloguePackage(Ecosystem ecosystem, String name) {

    static CataloguePackage parse(String text) {
        if (text.startsWith("maven:")) {
            String ga = text.substring("maven:".length());
            String[] parts = ga.split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new InputError("expected a Maven artifact as maven:groupId:artifactId, got '" + text + "'");
            }
            return new CataloguePackage(Ecosystem.MAVEN, ga);
        }
        String dist = text.startsWith("pypi:") ? text.substring("pypi:".length()) : text;
        return new CataloguePackage(Ecosystem.PYPI, PackageName.normalize(dist));
    }

    /** {@code transformers}, {@code maven:com.google.guava:guava}: as the user writes it back. */
    String display() {
        return ecosystem == Ecosystem.PYPI ? name : ecosystem.id() + ":" + name;
    }
}
