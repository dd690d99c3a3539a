package dev.fitcheck.env;

/**
 * A package the environment deliberately does not install: inherited from the base interpreter,
 * or skipped because it needs CUDA and the machine has none. {@code requirement} is what the
 * manifests asked for and {@code specifier} its version part (both empty when only other
 * packages depend on it).
 */
public record LeftOut(PackageName name, Reason reason, String requirement, String specifier, String origin) {

    public LeftOut {
        specifier = specifier == null ? "" : specifier;
    }

    public enum Reason {
        INHERITED("inherited from the base interpreter"),
        NEEDS_CUDA("needs CUDA, which this machine lacks"),
        ON_REQUEST("left out with --without");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    public String display() {
        return (requirement.isEmpty() ? name.value() : requirement) + " (" + reason.sentence()
                + (origin.isEmpty() ? "" : "; " + origin) + ")";
    }
}
