package dev.fitcheck.run;

import java.util.Map;

/**
 * What a failure means and what to do about it, from a rule of rules/errors.yaml (or the symbol
 * history): the rule, a title, the diagnosis and fix with the run's own figures filled in, the
 * figures themselves (sizes, dtypes, names), and the output line that matched.
 */
public record Diagnosis(String rule, String title, String category, String diagnosis, String fix,
        Map<String, String> figures, String evidence) {

    public Diagnosis {
        figures = Map.copyOf(figures);
    }
}
