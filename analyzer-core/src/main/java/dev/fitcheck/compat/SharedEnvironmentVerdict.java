package dev.fitcheck.compat;

import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides, per package, whether several models can share one release: the intersection of every
 * model's constraints, and when it is empty, the two constraints of two models that collide.
 */
public final class SharedEnvironmentVerdict {

    /**
     * @param constraintsByModel model name to its constraints on this package (declared, inferred, transitive)
     * @param releases           the package's catalogued releases, oldest first; empty when not catalogued
     */
    public PackageVerdict judge(String distribution, Map<String, List<Constraint>> constraintsByModel,
            List<Version> releases) {
        Map<String, List<Constraint>> ordered = new LinkedHashMap<>(constraintsByModel);
        return new PackageVerdict(distribution, ordered,
                judgement(ordered, releases, c -> c.source() == ConstraintSource.DECLARED),
                judgement(ordered, releases, c -> c.source().inferred()),
                judgement(ordered, releases, c -> true));
    }

    private static PackageVerdict.Judgement judgement(Map<String, List<Constraint>> byModel, List<Version> releases,
            Predicate<Constraint> counted) {
        VersionSet allowed = VersionSet.all();
        for (List<Constraint> constraints : byModel.values()) {
            for (Constraint c : constraints) {
                if (counted.test(c)) allowed = allowed.intersect(c.allowed());
            }
        }
        List<Version> members = new ArrayList<>(allowed.membersOf(releases));
        members.sort(Comparator.reverseOrder());
        Optional<Collision> collision = allowed.isEmpty() ? collision(byModel, counted) : Optional.empty();
        return new PackageVerdict.Judgement(allowed, members, collision);
    }

    /**
     * The first pair of constraints from two different models that exclude each other. Inferred
     * constraints come first: "the code cannot" is a deeper reason than "the pin says".
     */
    private static Optional<Collision> collision(Map<String, List<Constraint>> byModel, Predicate<Constraint> counted) {
        List<String> models = new ArrayList<>(byModel.keySet());
        Comparator<Constraint> preference = Comparator.comparing((Constraint c) -> c.source().inferred() ? 0 : 1)
                .thenComparing(c -> c.source().ordinal());
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                List<Constraint> a = sorted(byModel.get(models.get(i)), counted, preference);
                List<Constraint> b = sorted(byModel.get(models.get(j)), counted, preference);
                for (Constraint ca : a) {
                    for (Constraint cb : b) {
                        if (ca.allowed().intersect(cb.allowed()).isEmpty()) {
                            return Optional.of(new Collision(ca, cb));
                        }
                    }
                }
            }
        }
        for (String model : models) {
            List<Constraint> own = sorted(byModel.get(model), counted, preference);
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    if (own.get(i).allowed().intersect(own.get(j).allowed()).isEmpty()) {
                        return Optional.of(new Collision(own.get(i), own.get(j)));
                    }
                }
            }
        }
        return Optional.empty(); // empty only through three or more constraints together
    }

    private static List<Constraint> sorted(List<Constraint> constraints, Predicate<Constraint> counted,
            Comparator<Constraint> order) {
        return constraints.stream().filter(counted).sorted(order).toList();
    }
}
