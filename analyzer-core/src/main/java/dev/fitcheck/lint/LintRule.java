package dev.fitcheck.lint;

import java.util.List;

/**
 * A static check written as data in rules/lints.yaml: calls to a method named {@code call}
 * (on any receiver) must not receive both keywords of a {@code conflicts} pair, whether passed
 * directly or through a {@code **kwargs} dict filled in the same function. {@code failsIn} is the
 * release range of {@code package} in which the call fails, and {@code evidence} says how that
 * was established.
 */
public record LintRule(
        String id,
        String title,
        String packageName,
        String call,
        List<List<String>> conflicts,
        String failsIn,
        String message,
        String help,
        String evidence,
        List<String> maskedBy) {

    public LintRule {
        conflicts = conflicts.stream().map(List::copyOf).toList();
        maskedBy = List.copyOf(maskedBy);
    }
}
