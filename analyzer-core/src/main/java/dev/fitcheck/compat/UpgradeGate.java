package dev.fitcheck.compat;

import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells, before an upgrade lands, which model breaks on the proposed release, where and why: each
 * reference whose symbol the release lacks, each keyword it no longer accepts, each pin that
 * excludes it.
 */
public final class UpgradeGate {

    /** What the gate knows of one model: its inferred range for the package and its other constraints. */
    /**
     * What the gate knows of one model: its inferred range for the package, its other constraints,
     * its lint findings, and the release it uses now (a rule that already fails there is no news).
     */
    public record ModelEvidence(String model, Optional<InferredRange> inferred, List<Constraint> constraints,
            List<LintFinding> lints, Optional<Version> current) {
        public ModelEvidence {
            constraints = List.copyOf(constraints);
            lints = List.copyOf(lints);
        }

        public ModelEvidence(String model, Optional<InferredRange> inferred, List<Constraint> constraints) {
            this(model, inferred, constraints, List.of(), Optional.empty());
        }
    }

    public GateResult check(String distribution, Version target, List<Version> releases, List<ModelEvidence> models) {
        List<GateBreak> breaks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int index = releases.indexOf(target);
        if (index < 0 && !releases.isEmpty()) {
            notes.add(distribution + " " + target + " is not in the catalogue (catalogued: " + releases.get(0) + " to "
                    + releases.get(releases.size() - 1) + "): symbols were not checked; run `fitcheck catalogue build "
                    + distribution + " --versions ==" + target + "` first");
        }
        for (ModelEvidence m : models) {
            for (Constraint c : m.constraints()) {
                if (!c.source().inferred() && !c.allowed().contains(target)) {
                    breaks.add(new GateBreak(m.model(), distribution, target.toString(),
                            c.source() == ConstraintSource.TRANSITIVE ? GateBreak.Kind.TRANSITIVE : GateBreak.Kind.PIN_EXCLUDES,
                            c.location(), distribution + " " + c.allowed(),
                            distribution + " " + target + " is outside " + c.allowed() + " (" + c.reason() + ")"));
                }
            }
            for (LintFinding f : m.lints()) {
                SpecifierSet failsIn = SpecifierSet.parse(f.rule().failsIn());
                if (!f.rule().packageName().equals(distribution) || !failsIn.contains(target, true)) continue;
                if (m.current().isPresent() && failsIn.contains(m.current().get(), true)) {
                    notes.add(m.model() + ": " + f.call().display() + " already fails on " + distribution + " "
                            + m.current().get() + " (" + f.rule().id() + "), so the upgrade changes nothing there");
                } else {
                    breaks.add(new GateBreak(m.model(), distribution, target.toString(), GateBreak.Kind.RULE, f.call(),
                            f.rule().id(), f.message()));
                }
            }
            if (index < 0 || m.inferred().isEmpty()) continue;
            // One break per symbol and place: a symbol imported once and used often breaks once per line.
            Map<String, GateBreak> bySite = new LinkedHashMap<>();
            for (ResolvedReference r : m.inferred().get().resolved()) {
                BitSet has = r.releases();
                if (has.get(index)) continue;
                boolean keyword = r.reference().kind() == ReferenceKind.KEYWORD_ARGUMENT;
                String symbol = r.label();
                String reason = (keyword ? symbol + " is not accepted by " : symbol + " is not in ")
                        + distribution + " " + target + history(has, index, releases);
                String key = r.reference().location().display() + " " + symbol;
                bySite.putIfAbsent(key, new GateBreak(m.model(), distribution, target.toString(),
                        keyword ? GateBreak.Kind.REJECTED_KEYWORD : GateBreak.Kind.MISSING_SYMBOL,
                        r.reference().location(), symbol, reason));
            }
            // A member of a class the release lacks breaks with the class: name the class once, not each member.
            java.util.Set<String> missingClasses = new java.util.HashSet<>();
            for (ResolvedReference r : m.inferred().get().resolved()) {
                if (!r.releases().get(index) && r.symbol().name().isPresent() && r.symbol().member().isEmpty()
                        && r.reference().kind() != ReferenceKind.KEYWORD_ARGUMENT) {
                    missingClasses.add(r.symbol().module() + "." + r.symbol().name().get());
                }
            }
            for (ResolvedReference r : m.inferred().get().resolved()) {
                String owner = r.symbol().module() + "." + r.symbol().name().orElse("");
                boolean keyword = r.reference().kind() == ReferenceKind.KEYWORD_ARGUMENT;
                if ((r.symbol().member().isPresent() || keyword) && missingClasses.contains(owner)) {
                    bySite.remove(r.reference().location().display() + " " + r.label());
                }
            }
            breaks.addAll(bySite.values());
        }
        breaks.sort(Comparator.comparing(GateBreak::model).thenComparing(GateBreak::location));
        return new GateResult(distribution, target.toString(), models.stream().map(ModelEvidence::model).toList(),
                breaks, notes);
    }

    /** " (removed in 4.48.0)", " (added in 4.47.0)", or " (never released with it)". */
    private static String history(BitSet has, int target, List<Version> releases) {
        int before = has.previousSetBit(target);
        if (before >= 0) {
            return " (removed in " + releases.get(has.nextClearBit(before)) + ")";
        }
        int after = has.nextSetBit(target);
        return after >= 0 ? " (added in " + releases.get(after) + ")" : "";
    }
}
