package dev.fitcheck.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A whole compatibility test run of one model, saved as result.json in its run directory; the
 * report reads the latest one. {@code status} is that of the stages taken together;
 * {@code pythonNote} says when the environment's Python is not the one the model asked for.
 */
public record TestRunResult(
        int format,
        String model,
        Instant started,
        Duration duration,
        StageStatus status,
        Path runDirectory,
        Path environment,
        String python,
        Optional<String> pythonNote,
        String environmentFingerprint,
        List<StageResult> stages,
        Optional<GpuPeak> gpu,
        List<ServiceStep> services) {

    public static final int FORMAT = 1;

    public TestRunResult {
        stages = List.copyOf(stages);
        services = List.copyOf(services);
    }

    public Optional<StageResult> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
