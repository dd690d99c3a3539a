package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the class path before a proposed upgrade with the one after it (as the resolver gives
 * it, transitive changes included): every source reference that resolved before and fails after
 * is a break at its file and line, and every linkage problem between jars that involves a changed
 * artifact and was not there before is a new one.
 */
public final class UpgradeGate {

    private final LinkageChecker linkage = new LinkageChecker();

    public GateResult evaluate(ClassPath before, ClassPath after, List<JavaReference> sourceReferences) {
        List<Upgrade> upgrades = changes(before, after);
        Set<String> changed = new HashSet<>();
        upgrades.forEach(u -> changed.add(u.artifact()));

        ClassWorld was = before.world();
        ClassWorld is = after.world();
        List<UpgradeBreak> breaks = new ArrayList<>();
        for (JavaReference r : sourceReferences) {
            if (MemberLookup.resolve(was, r.symbol()).breaks()) continue; // broken already: not this upgrade's doing
            LookupOutcome o = MemberLookup.resolve(is, r.symbol());
            if (o.breaks()) {
                String provider = after.entryOf(r.symbol().owner()).or(() -> after.entryOfPackage(r.symbol().owner()))
                        .map(ClassPath.Entry::label)
                        .or(() -> before.entryOf(r.symbol().owner()).map(e -> e.id() + " (no longer on the class path)"))
                        .orElse("the class path");
                breaks.add(new UpgradeBreak(r, o, provider));
            }
        }
        breaks.sort(null);

        LinkageReport old = linkage.check(before, (from, to) -> changed.contains(from.id()) || changed.contains(to.id()),
                Set.of(), Optional.empty());
        LinkageReport now = linkage.check(after, (from, to) -> changed.contains(from.id()) || changed.contains(to.id()),
                Set.of(), Optional.of(before));
        Set<String> known = new HashSet<>();
        old.problems().forEach(p -> known.add(p.key()));
        List<LinkageProblem> fresh = now.problems().stream().filter(p -> !known.contains(p.key())).toList();
        return new GateResult(upgrades, breaks, fresh, sourceReferences.size());
    }

    static List<Upgrade> changes(ClassPath before, ClassPath after) {
        Map<String, Upgrade> out = new LinkedHashMap<>();
        for (ClassPath.Entry b : before.entries()) {
            Optional<ClassPath.Entry> a = after.entry(b.id());
            if (a.isEmpty()) {
                out.putIfAbsent(b.id(), new Upgrade(b.id(), b.version(), ""));
            } else if (!a.get().version().equals(b.version()) || !a.get().file().equals(b.file())) {
                out.putIfAbsent(b.id(), new Upgrade(b.id(), b.version(), a.get().version()));
            }
        }
        for (ClassPath.Entry a : after.entries()) {
            if (before.entry(a.id()).isEmpty()) {
                out.putIfAbsent(a.id(), new Upgrade(a.id(), "", a.version()));
            }
        }
        return List.copyOf(out.values());
    }
}
