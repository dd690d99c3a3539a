package dev.fitcheck.java;

import java.nio.file.Path;
import java.util.Objects;

/** A class path entry as the resolver delivered it: artifact id, release, file, and whether the project declares it. */
public record ClassPathJar(String id, String version, Path file, boolean direct) {

    public ClassPathJar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }
}
