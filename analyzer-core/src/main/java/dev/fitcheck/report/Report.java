package dev.fitcheck.report;

import dev.fitcheck.report.chart.MemoryBars;
import dev.fitcheck.report.chart.ReleaseTimeline;
import java.util.List;
import java.util.Optional;

/**
 * Everything `fitcheck analyze` reports, computed, with evidence: the model of every output
 * format (Markdown, HTML, JSON). Sections follow the analysis a person would otherwise write by hand.
 */
public record Report(
        String title,
        String workspace,
        List<String> models,
        Summary summary,
        List<DependencyRow> dependencies,
        List<ComparisonRow> comparison,
        Optional<ReleaseTimeline> timeline,
        Optional<MemorySection> memory,
        Optional<MemoryBars> memoryBars,
        List<LintRow> lints,
        List<Solution> solutions,
        List<TestRunSection> tests,
        List<String> nextSteps) {

    public Report {
        models = List.copyOf(models);
        dependencies = List.copyOf(dependencies);
        comparison = List.copyOf(comparison);
        lints = List.copyOf(lints);
        solutions = List.copyOf(solutions);
        tests = List.copyOf(tests);
        nextSteps = List.copyOf(nextSteps);
    }

    /** One line of the model comparison: a feature and its value per model, in the order of {@link #models}. */
    public record ComparisonRow(String feature, List<String> values) {
        public ComparisonRow {
            values = List.copyOf(values);
        }
    }

    /** The verdict in a few lines, and the recommendation. */
    public record Summary(String verdict, String recommendation, List<String> findings) {
        public Summary {
            findings = List.copyOf(findings);
        }
    }

    /** A static check that failed, with where. */
    public record LintRow(String model, String rule, String location, String message, String help) {
    }
}
