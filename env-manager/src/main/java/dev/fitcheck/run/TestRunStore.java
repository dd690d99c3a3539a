package dev.fitcheck.run;

import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.env.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test runs on disk: {@code .fitcheck/runs/<model>/<UTC time>/} holds a run's logs and its
 * result.json. Directory names sort by time, so the latest run is the last name.
 */
public final class TestRunStore {

    public static final String RESULT = "result.json";

    private final EnvironmentLayout layout;

    public TestRunStore(EnvironmentLayout layout) {
        this.layout = layout;
    }

    public Path newRun(String model, Instant started) {
        Path dir = layout.runs(model).resolve(EnvironmentLayout.stamp(started));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public void save(TestRunResult result) {
        JsonFiles.write(result.runDirectory().resolve(RESULT), result);
    }

    /** The most recent run of the model that finished (has a result). */
    public Optional<TestRunResult> latest(String model) {
        Path runs = layout.runs(model);
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(runs)) {
            for (Path dir : s.sorted(Comparator.reverseOrder()).toList()) {
                Path f = dir.resolve(RESULT);
                if (Files.isRegularFile(f)) {
                    return Optional.of(JsonFiles.read(f, TestRunResult.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runs of " + model + " in " + runs, e);
        }
        return Optional.empty();
    }
}
