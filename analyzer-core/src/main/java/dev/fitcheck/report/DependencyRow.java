package dev.fitcheck.report;

import java.util.List;
import java.util.Optional;

/**
 * One package across the models: what each declares and where, what each one's code needs, what
 * today's environment has, and whether one release serves them all.
 */
public record DependencyRow(
        String distribution,
        List<ModelRequirement> models,
        Optional<Evidence> installedToday,
        Verdict verdict) {

    public DependencyRow {
        models = List.copyOf(models);
    }

    /** One model's side of a package. */
    public record ModelRequirement(
            String model,
            List<Evidence> declared,
            Optional<String> codeRange,
            List<Evidence> codeBounds,
            Optional<String> wholeTree,
            List<Evidence> transitive,
            String effective,
            List<String> disagreements) {
        public ModelRequirement {
            declared = List.copyOf(declared);
            codeBounds = List.copyOf(codeBounds);
            transitive = List.copyOf(transitive);
            disagreements = List.copyOf(disagreements);
        }
    }

    /**
     * The verdict three ways. {@code status} is "shared", "conflict", or "conflict (pins only)"
     * when the code could share a release that the pins forbid.
     */
    public record Verdict(String status, Judgement declared, Judgement code, Judgement effective) {
    }

    /** Allowed releases (newest first, at most a few) or the collision that leaves none. */
    public record Judgement(String allowed, List<String> newestReleases, Optional<String> collision) {
        public Judgement {
            newestReleases = List.copyOf(newestReleases);
        }
    }
}
