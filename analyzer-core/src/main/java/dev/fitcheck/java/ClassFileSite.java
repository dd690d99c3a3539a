package dev.fitcheck.java;

import java.util.Objects;
import java.util.Optional;

/**
 * An instruction in a compiled class: the jar or directory it came from (named as the class path
 * entry, e.g. {@code com.acme:lib:1.0}), the class, and, where the class kept its debug
 * attributes, the source file name and line.
 */
public record ClassFileSite(String container, String className, Optional<String> sourceFile, int line)
        implements ReferenceSite {

    public ClassFileSite {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(sourceFile, "sourceFile");
    }

    @Override
    public String display() {
        String where = sourceFile.map(f -> line > 0 ? f + ":" + line : f).orElse(line > 0 ? "line " + line : "");
        return container + " " + ClassApi.displayName(className) + (where.isEmpty() ? "" : " (" + where + ")");
    }
}
