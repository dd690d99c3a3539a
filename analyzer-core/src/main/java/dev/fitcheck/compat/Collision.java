package dev.fitcheck.compat;

/** Two constraints of two models that no release satisfies together. */
public record Collision(Constraint first, Constraint second) {

    /**
     * The chain of facts, the way uv explains a conflict: "because vidi-7b needs transformers
     * <4.48.0 (...) and vidi-9b needs transformers ==4.50.0 (...), vidi-7b and vidi-9b cannot share
     * an environment".
     */
    public String explain() {
        if (first.model().equals(second.model())) {
            return "because " + first.model() + " needs " + first.explain() + " and " + second.explain()
                    + ", no release of " + first.distribution() + " satisfies " + first.model();
        }
        return "because " + first.model() + " needs " + first.explain() + " and " + second.model() + " needs "
                + second.explain() + ", " + first.model() + " and " + second.model() + " cannot share an environment";
    }
}
