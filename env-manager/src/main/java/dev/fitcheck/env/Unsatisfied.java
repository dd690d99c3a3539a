package dev.fitcheck.env;

import java.util.List;

/**
 * A left-out package that the environment lacks although something needs it: the model's own
 * manifests ({@code declaredBy}) or installed distributions ({@code neededBy}, "accelerate 0.33.0").
 * Such an environment is incomplete, not broken: the imports stage reports what fails for this.
 */
public record Unsatisfied(PackageName name, LeftOut.Reason reason, List<String> declaredBy, List<String> neededBy) {

    public Unsatisfied {
        declaredBy = List.copyOf(declaredBy);
        neededBy = List.copyOf(neededBy);
    }

    public String display() {
        String why = switch (reason) {
            case INHERITED -> "inherited, but the base interpreter lacks it";
            case NEEDS_CUDA, ON_REQUEST -> "left out: " + reason.sentence();
        };
        List<String> by = new java.util.ArrayList<>(declaredBy);
        by.addAll(neededBy);
        return name + ": " + why + (by.isEmpty() ? "" : "; wanted by " + String.join(", ", by));
    }
}
