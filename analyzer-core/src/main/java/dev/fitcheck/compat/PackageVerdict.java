package dev.fitcheck.compat;

import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the models can share one release of a package, judged three ways: by what their
 * manifests declare, by what their code needs (inferred), and by both together (effective). Each
 * judgement that fails names the collision behind it; each that holds lists the catalogued
 * releases that satisfy it, newest first.
 */
public record PackageVerdict(
        String distribution,
        Map<String, List<Constraint>> constraintsByModel,
        Judgement declared,
        Judgement code,
        Judgement effective) {

    public PackageVerdict {
        constraintsByModel = Collections.unmodifiableMap(new LinkedHashMap<>(constraintsByModel));
    }

    public boolean shared() {
        return !effective.allowed().isEmpty();
    }

    /** One way of judging: the releases allowed to every model, or the collision that leaves none. */
    public record Judgement(VersionSet allowed, List<Version> releasesNewestFirst, Optional<Collision> collision) {
        public Judgement {
            releasesNewestFirst = List.copyOf(releasesNewestFirst);
        }

        public boolean possible() {
            return !allowed.isEmpty();
        }
    }
}
