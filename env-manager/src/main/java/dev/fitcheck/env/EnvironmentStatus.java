package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A model's environment as {@code env list} shows it. */
public record EnvironmentStatus(String model, Path path, State state, Optional<EnvironmentRecord> record,
        long sizeBytes, List<String> keyPackages) {

    public enum State { ABSENT, UP_TO_DATE, STALE }

    public EnvironmentStatus {
        keyPackages = List.copyOf(keyPackages);
    }
}
