package dev.fitcheck.report;

import java.util.List;

/**
 * One way out, with what it costs: a shared environment at a release, relaxed pins, one
 * environment per model, a patch, stopping services, quantizing. {@code viable} says whether the
 * analysis found it workable; {@code cost} is the computed price in one line.
 */
public record Solution(
        String id,
        String title,
        boolean viable,
        String status,
        String cost,
        List<String> details,
        List<String> steps,
        List<String> pros,
        List<String> cons) {

    public Solution {
        details = List.copyOf(details);
        steps = List.copyOf(steps);
        pros = List.copyOf(pros);
        cons = List.copyOf(cons);
    }
}
