package dev.fitcheck.report;

import java.util.List;

/**
 * A model's latest compatibility test run as the report shows it: when, in which environment,
 * the outcome, and each stage with its status, duration and evidence.
 */
public record TestRunSection(String model, String when, String environment, String outcome, List<Stage> stages,
        List<String> figures) {

    public TestRunSection {
        stages = List.copyOf(stages);
        figures = List.copyOf(figures);
    }

    public record Stage(String name, String status, String duration, List<String> evidence) {
        public Stage {
            evidence = List.copyOf(evidence);
        }
    }
}
