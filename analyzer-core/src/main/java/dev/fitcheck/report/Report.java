package dev.fitcheck.report;

import java.util.List;

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
        List<LintRow> lints,
        List<Solution> solutions,
        List<String> nextSteps) {

    public Report {
        models = List.copyOf(models);
        dependencies = List.copyOf(dependencies);
        lints = List.copyOf(lints);
        solutions = List.copyOf(solutions);
        nextSteps = List.copyOf(nextSteps);
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
