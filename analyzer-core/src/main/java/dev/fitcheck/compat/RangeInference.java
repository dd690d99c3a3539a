package dev.fitcheck.compat;

import dev.fitcheck.python.Guard;
import dev.fitcheck.python.ImportCondition;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Infers, per package, the releases a body of code can run on: each required reference resolved in
 * the package's history gives the releases that have it; their intersection is the range; the
 * references that cut it at each end are its evidence.
 *
 * <p>Names that only a star import can bind are alternatives: the name is satisfied if any of the
 * star-imported modules has it, so their release sets are united before intersecting.
 */
public final class RangeInference {

    /** Evidence is clearer from an import line than from a later use of the same symbol. */
    private static final Comparator<SymbolReference> EVIDENCE_ORDER = Comparator
            .comparing((SymbolReference r) -> r.kind() == ReferenceKind.IMPORT_NAME
                    || r.kind() == ReferenceKind.IMPORT_MODULE ? 0 : 1)
            .thenComparing(r -> r.location());

    public InferredRange infer(ApiHistory history, List<SymbolReference> references) {
        List<Version> releases = history.releases();
        BitSet allowed = new BitSet();
        allowed.set(0, releases.size());
        List<ResolvedReference> resolved = new ArrayList<>();
        List<SymbolReference> unknown = new ArrayList<>();
        List<SymbolReference> nonBinding = new ArrayList<>();
        // Star names at one place are alternatives: group them before intersecting.
        Map<String, List<ResolvedReference>> starAlternatives = new LinkedHashMap<>();

        for (SymbolReference ref : references) {
            if (!history.topLevelModules().contains(ref.topLevel())) {
                continue;
            }
            BitSet runs = guardedReleases(history, ref);
            if (runs == null) {
                // under a check of another package's version: not a fact about this one's releases
                if (resolve(history, ref).isPresent()) nonBinding.add(ref.withCondition(ImportCondition.OPTIONAL));
                continue;
            }
            if (runs.isEmpty()) {
                continue; // the check holds in no catalogued release: this code never runs on one
            }
            Optional<ResolvedReference> r = resolve(history, ref).map(found -> widened(found, runs, releases.size()));
            if (r.isEmpty()) {
                if (ref.kind() == ReferenceKind.STAR_NAME) {
                    starAlternatives.computeIfAbsent(starKey(ref), k -> new ArrayList<>());
                } else if (ref.kind() != ReferenceKind.KEYWORD_ARGUMENT) {
                    unknown.add(ref);
                }
                // A keyword whose callee has no catalogued signature (a dataclass's generated
                // __init__) proves nothing; a callee no release has is reported by its own reference.
                continue;
            }
            if (!ref.binding()) {
                nonBinding.add(ref);
                continue;
            }
            if (ref.kind() == ReferenceKind.STAR_NAME) {
                starAlternatives.computeIfAbsent(starKey(ref), k -> new ArrayList<>()).add(r.get());
            } else {
                resolved.add(r.get());
            }
        }
        for (List<ResolvedReference> alternatives : starAlternatives.values()) {
            if (alternatives.isEmpty()) {
                continue; // a free name no star module ever had: a local or dynamic name, not API
            }
            BitSet union = new BitSet();
            alternatives.forEach(a -> union.or(a.releases()));
            resolved.add(new ResolvedReference(alternatives.get(0).reference(), alternatives.get(0).symbol(), union));
        }
        for (ResolvedReference r : resolved) {
            allowed.and(r.releases());
        }
        return new InferredRange(history.distribution(), releases, allowed, toVersionSet(allowed, releases),
                lowerBound(allowed, resolved, releases), upperBound(allowed, resolved, releases),
                resolved, unknown, nonBinding);
    }

    /**
     * The catalogued releases in which the reference's version and hasattr checks all hold (all of
     * them when it has none), or null when a check is about another package.
     */
    static BitSet guardedReleases(ApiHistory history, SymbolReference ref) {
        List<Version> releases = history.releases();
        BitSet runs = new BitSet();
        runs.set(0, releases.size());
        for (Guard g : ref.guards()) {
            if (!history.topLevelModules().contains(g.topLevel())) return null;
            BitSet holds = new BitSet();
            if (g.kind() == Guard.Kind.VERSION) {
                SpecifierSet spec = SpecifierSet.parse(g.specifier());
                for (int i = 0; i < releases.size(); i++) {
                    if (spec.contains(releases.get(i), true)) holds.set(i);
                }
            } else {
                history.presence(g.subject()).ifPresent(p -> holds.or(p.releases()));
            }
            if (!g.holds()) holds.flip(0, releases.size());
            runs.and(holds);
        }
        return runs;
    }

    /** Where the guards do not hold the code does not run, so the symbol is not needed there. */
    private static ResolvedReference widened(ResolvedReference r, BitSet runs, int size) {
        if (runs.cardinality() == size) return r;
        BitSet releases = r.releases();
        BitSet notRun = (BitSet) runs.clone();
        notRun.flip(0, size);
        releases.or(notRun);
        return new ResolvedReference(r.reference(), r.symbol(), releases);
    }

    private static String starKey(SymbolReference ref) {
        return ref.location().display() + " " + ref.path().substring(ref.path().lastIndexOf('.') + 1);
    }

    private static Optional<ResolvedReference> resolve(ApiHistory history, SymbolReference ref) {
        if (ref.kind() == ReferenceKind.KEYWORD_ARGUMENT) {
            Optional<SymbolPresence> callee = history.presence(ref.path());
            Optional<BitSet> accepts = history.acceptsKeyword(ref.path(), ref.keyword().orElseThrow());
            if (callee.isEmpty() || accepts.isEmpty()) {
                return Optional.empty();
            }
            BitSet releases = accepts.get();
            releases.and(callee.get().releases());
            return Optional.of(new ResolvedReference(ref, callee.get(), releases));
        }
        return history.presence(ref.path()).map(p -> new ResolvedReference(ref, p, p.releases()));
    }

    /** The reference whose first release is the range's first: it needs the newest feature. */
    private static Optional<RangeBound> lowerBound(BitSet allowed, List<ResolvedReference> resolved, List<Version> releases) {
        int first = allowed.nextSetBit(0);
        if (first <= 0) {
            return Optional.empty(); // empty, or open below as far as the catalogue reaches
        }
        return resolved.stream()
                .filter(r -> !r.releases().get(first - 1) && r.releases().get(first))
                .map(ResolvedReference::reference)
                .min(EVIDENCE_ORDER)
                .map(ref -> new RangeBound(releases.get(first), false, ref, symbolOf(resolved, ref)));
    }

    /** The reference that the first release after the range lacks: it was removed there. */
    private static Optional<RangeBound> upperBound(BitSet allowed, List<ResolvedReference> resolved, List<Version> releases) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        int last = allowed.length() - 1;
        if (last == releases.size() - 1) {
            return Optional.empty(); // open above: the newest catalogued release runs the code
        }
        return resolved.stream()
                .filter(r -> r.releases().get(last) && !r.releases().get(last + 1))
                .map(ResolvedReference::reference)
                .min(EVIDENCE_ORDER)
                .map(ref -> new RangeBound(releases.get(last + 1), true, ref, symbolOf(resolved, ref)));
    }

    /**
     * For an empty range, the reference that needs the newest release: with
     * {@link #earliestRemoval}, the pair that cannot meet. Empty when the range is not empty or
     * every reference is in the oldest catalogued release.
     */
    public static Optional<RangeBound> newestNeed(InferredRange range) {
        if (!range.isEmpty()) return Optional.empty();
        List<Version> releases = range.releases();
        return range.resolved().stream().filter(r -> !r.releases().isEmpty())
                .max(Comparator.comparingInt((ResolvedReference r) -> r.releases().nextSetBit(0))
                        .thenComparing(r -> r.reference().location(), Comparator.reverseOrder()))
                .filter(r -> r.releases().nextSetBit(0) > 0)
                .map(r -> new RangeBound(releases.get(r.releases().nextSetBit(0)), false, r.reference(), r.label()));
    }

    /** For an empty range, the reference gone from the catalogue earliest (see {@link #newestNeed}). */
    public static Optional<RangeBound> earliestRemoval(InferredRange range) {
        if (!range.isEmpty()) return Optional.empty();
        List<Version> releases = range.releases();
        return range.resolved().stream().filter(r -> !r.releases().isEmpty())
                .min(Comparator.comparingInt((ResolvedReference r) -> r.releases().length())
                        .thenComparing(r -> r.reference().location()))
                .filter(r -> r.releases().length() < releases.size())
                .map(r -> new RangeBound(releases.get(r.releases().length()), true, r.reference(), r.label()));
    }

    /**
     * References no catalogued release satisfies on their own (a keyword no release of the callee
     * accepts): each empties the range by itself.
     */
    public static List<ResolvedReference> neverSatisfied(InferredRange range) {
        return range.resolved().stream().filter(r -> r.releases().isEmpty()).toList();
    }

    private static String symbolOf(List<ResolvedReference> resolved, SymbolReference ref) {
        return resolved.stream().filter(r -> r.reference().equals(ref)).findFirst()
                .map(ResolvedReference::label)
                .orElse(ref.display());
    }

    /**
     * Turns a set of release indexes into a version set over the real release axis: each run of
     * consecutive releases i..j becomes {@code >=v_i,<v_(j+1)} (open above when j is the newest).
     */
    public static VersionSet toVersionSet(BitSet allowed, List<Version> releases) {
        VersionSet set = VersionSet.none();
        for (int i = allowed.nextSetBit(0); i >= 0; ) {
            int end = allowed.nextClearBit(i); // exclusive
            VersionSet run = end >= releases.size()
                    ? VersionSet.atLeast(releases.get(i))
                    : VersionSet.between(releases.get(i), releases.get(end));
            set = set.union(run);
            i = allowed.nextSetBit(end);
        }
        return set;
    }
}
