package dev.fitcheck.run;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** One stage of a test run: its name, status, duration, a one-line summary and its findings. */
public record StageResult(String name, StageStatus status, Duration duration, String summary,
        List<Finding> findings) {

    public static final String STATIC = "static";
    public static final String IMPORTS = "imports";
    public static final String INFERENCE = "inference";

    public StageResult {
        findings = List.copyOf(findings);
    }

    public static StageResult skipped(String name, String why) {
        return new StageResult(name, StageStatus.SKIPPED, Duration.ZERO, why, List.of());
    }

    /** A stage whose status is that of its findings. */
    public static StageResult of(String name, Duration duration, String summary, List<Finding> findings) {
        StageStatus s = findings.isEmpty() ? StageStatus.PASSED
                : StageStatus.of(findings.stream().map(Finding::status).collect(Collectors.toList()));
        return new StageResult(name, s, duration, summary, findings);
    }

    public List<Finding> findings(StageStatus status) {
        return findings.stream().filter(f -> f.status() == status).toList();
    }
}
