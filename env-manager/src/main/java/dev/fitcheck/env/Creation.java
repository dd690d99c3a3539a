package dev.fitcheck.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@code env create} did for one model. */
public record Creation(String model, Outcome outcome, Path environment, Duration elapsed,
        Optional<EnvironmentRecord> record, List<String> notes, Optional<InstallFailure> failure) {

    public enum Outcome { CREATED, REUSED, FAILED }

    public Creation {
        notes = List.copyOf(notes);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
