package dev.fitcheck.env;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What fitcheck wrote into an environment when it finished building it ({@code fitcheck-env.json}):
 * the spec's fingerprint, the interpreter, what was asked for, what was left out and what is
 * therefore unsatisfied. Its presence marks a complete environment: it is written last.
 */
public record EnvironmentRecord(
        int format,
        String model,
        String fingerprint,
        Instant created,
        InstallerKind installer,
        PythonInterpreter python,
        String pythonRequested,
        Optional<String> pythonNote,
        List<SpecRequirement> requirements,
        List<SpecRequirement> constraints,
        List<PackageName> inherit,
        List<LeftOut> leftOut,
        List<Unsatisfied> unsatisfied,
        IndexOptions index,
        boolean fromLock,
        Path log) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "fitcheck-env.json";

    public EnvironmentRecord {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        inherit = List.copyOf(inherit);
        leftOut = List.copyOf(leftOut);
        unsatisfied = List.copyOf(unsatisfied);
    }

    static Optional<EnvironmentRecord> read(Path envDir) {
        Path file = envDir.resolve(FILE_NAME);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            EnvironmentRecord r = JsonFiles.read(file, EnvironmentRecord.class);
            return r.format() == FORMAT ? Optional.of(r) : Optional.empty();
        } catch (java.io.IOException e) {
            // A record that does not parse marks an environment fitcheck cannot vouch for: rebuild it.
            return Optional.empty();
        }
    }
}
