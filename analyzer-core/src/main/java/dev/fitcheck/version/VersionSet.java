package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of PEP 440 versions: a union of disjoint intervals whose ends are exact PEP 440
 * bounds (see {@link Cut}), closed under intersection, union and complement.
 *
 * <p>The factories mean what the matching specifier means: {@link #below(Version) below(1.0)} is
 * {@code <1.0}, which leaves out 1.0's pre-releases; {@link #exactly(Version) exactly(1.0)} is
 * {@code ==1.0}, which takes in 1.0+local. {@link #of(SpecifierSet)} is exactly the versions that
 * {@code SpecifierSet.contains(v, true)} accepts.
 *
 * <p>{@code ===} compares strings, not versions ({@code ===1.0} takes 1.0 but not 1.0.0, which is
 * the same version), so besides its intervals a set keeps a short list of normalised version
 * strings whose membership is flipped: {@code v} is a member when it lies in an interval XOR its
 * string is listed. Both parts are kept canonical, so equal sets are {@link #equals equal}.
 *
 * <p>{@link #toString()} reads like a specifier: {@code >=4.46,<4.48}, {@code ==4.44.2},
 * {@code <4.45}, {@code !=1.5}, {@code any}, {@code none}, with {@code " || "} between intervals.
 */
public final class VersionSet {

    private static final VersionSet ALL = new VersionSet(new Cut[] {Cut.BELOW_ALL, Cut.ABOVE_ALL}, Collections.emptySortedMap());
    private static final VersionSet NONE = new VersionSet(new Cut[0], Collections.emptySortedMap());

    /** Interval ends, lower and upper alternating, ascending; every interval and every gap holds a version. */
    private final Cut[] bounds;
    /** Normalised version strings whose membership is the opposite of what the intervals say. */
    private final SortedMap<String, Version> flipped;

    private VersionSet(Cut[] bounds, SortedMap<String, Version> flipped) {
        this.bounds = bounds;
        this.flipped = flipped;
    }

    public static VersionSet all() {
        return ALL;
    }

    public static VersionSet none() {
        return NONE;
    }

    /** {@code >=v}. */
    public static VersionSet atLeast(Version v) {
        return interval(Cut.before(v), Cut.ABOVE_ALL);
    }

    /** {@code <v}: below v, and not v's own pre-releases unless v is itself a pre-release. */
    public static VersionSet below(Version v) {
        Version bound = v.isPrerelease() ? v : v.with(null, v.postOrNull(), BigInteger.ZERO);
        return interval(Cut.BELOW_ALL, Cut.before(bound));
    }

    /** {@code ==v}: v itself and, when v has no local label, every v+local. */
    public static VersionSet exactly(Version v) {
        return interval(Cut.before(v), v.hasLocal() ? Cut.after(v) : Cut.afterLocals(v));
    }

    /** {@code >=lowInclusive,<highExclusive}. */
    public static VersionSet between(Version lowInclusive, Version highExclusive) {
        return atLeast(lowInclusive).intersect(below(highExclusive));
    }

    /** The versions the set's {@code contains(v, true)} accepts; an empty specifier set gives {@link #all()}. */
    public static VersionSet of(SpecifierSet specifiers) {
        return specifiers.toVersionSet();
    }

    /** The versions one specifier accepts with pre-releases allowed. */
    public static VersionSet of(Specifier specifier) {
        return specifier.toVersionSet();
    }

    static VersionSet interval(Cut lower, Cut upper) {
        return normalized(new Cut[] {lower, upper}, Collections.emptySortedMap());
    }

    /** The one version whose normalised string is {@code v.toString()}, as {@code ===} means it. */
    static VersionSet literal(Version v) {
        TreeMap<String, Version> f = new TreeMap<>();
        f.put(v.toString(), v);
        return new VersionSet(new Cut[0], Collections.unmodifiableSortedMap(f));
    }

    public VersionSet intersect(VersionSet other) {
        return combine(other, true);
    }

    public VersionSet union(VersionSet other) {
        return combine(other, false);
    }

    /** The versions in this set and not in {@code other}. */
    public VersionSet minus(VersionSet other) {
        return intersect(other.complement());
    }

    public VersionSet complement() {
        boolean fromBottom = bounds.length > 0 && bounds[0] == Cut.BELOW_ALL;
        boolean toTop = bounds.length > 0 && bounds[bounds.length - 1] == Cut.ABOVE_ALL;
        List<Cut> out = new ArrayList<>(bounds.length + 2);
        if (!fromBottom) {
            out.add(Cut.BELOW_ALL);
        }
        out.addAll(Arrays.asList(bounds).subList(fromBottom ? 1 : 0, toTop ? bounds.length - 1 : bounds.length));
        if (!toTop) {
            out.add(Cut.ABOVE_ALL);
        }
        return normalized(out.toArray(new Cut[0]), flipped);
    }

    public boolean isEmpty() {
        return bounds.length == 0 && flipped.isEmpty();
    }

    /** Every version is a member. */
    public boolean isAll() {
        return this.equals(ALL);
    }

    public boolean contains(Version v) {
        boolean in = intervalsContain(bounds, v);
        return flipped.isEmpty() ? in : in != flipped.containsKey(v.toString());
    }

    /** The newest member of {@code versions} (pre-releases count; filter them out first if unwanted). */
    public Optional<Version> newestIn(Collection<Version> versions) {
        Version best = null;
        for (Version v : versions) {
            if ((best == null || v.compareTo(best) > 0) && contains(v)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The members of {@code versions}, in their order. */
    public List<Version> membersOf(Collection<Version> versions) {
        List<Version> out = new ArrayList<>();
        for (Version v : versions) {
            if (contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof VersionSet s && Arrays.equals(bounds, s.bounds)
                && flipped.keySet().equals(s.flipped.keySet()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds) * 31 + flipped.keySet().hashCode();
    }

    /** A specifier-like reading: {@code >=4.46,<4.48}, {@code ==4.44.2 || >=4.47}, {@code any}, {@code none}. */
    @Override
    public String toString() {
        return VersionSetFormat.format(bounds, flipped);
    }

    // ---- the set algebra ----

    Cut[] bounds() {
        return bounds;
    }

    private VersionSet combine(VersionSet o, boolean and) {
        Cut[] a = bounds;
        Cut[] b = o.bounds;
        List<Cut> out = new ArrayList<>(a.length + b.length);
        int i = 0;
        int j = 0;
        boolean inA = false;
        boolean inB = false;
        boolean inResult = false;
        while (i < a.length || j < b.length) {
            Cut c;
            if (j >= b.length || (i < a.length && a[i].compareTo(b[j]) <= 0)) {
                c = a[i];
            } else {
                c = b[j];
            }
            if (i < a.length && a[i].compareTo(c) == 0) {
                inA = !inA;
                i++;
            }
            if (j < b.length && b[j].compareTo(c) == 0) {
                inB = !inB;
                j++;
            }
            boolean r = and ? inA && inB : inA || inB;
            if (r != inResult) {
                out.add(c);
                inResult = r;
            }
        }
        Cut[] merged = out.toArray(new Cut[0]);
        if (flipped.isEmpty() && o.flipped.isEmpty()) {
            return normalized(merged, flipped);
        }
        Cut[] canonical = canonicalBounds(merged);
        TreeMap<String, Version> f = new TreeMap<>();
        for (Map<String, Version> source : List.of(flipped, o.flipped)) {
            for (Map.Entry<String, Version> e : source.entrySet()) {
                Version v = e.getValue();
                boolean want = and ? contains(v) && o.contains(v) : contains(v) || o.contains(v);
                if (want != intervalsContain(canonical, v)) {
                    f.put(e.getKey(), v);
                }
            }
        }
        return new VersionSet(canonical, f.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(f));
    }

    private static VersionSet normalized(Cut[] alternating, SortedMap<String, Version> flipped) {
        Cut[] canonical = canonicalBounds(alternating);
        if (canonical.length == 0 && flipped.isEmpty()) {
            return NONE;
        }
        return new VersionSet(canonical, flipped);
    }

    /**
     * Drops what holds no version and merges what touches. Canonical cuts leave one such case:
     * nothing lies below 0.dev0, so an interval starting there starts at the bottom of the line.
     */
    private static Cut[] canonicalBounds(Cut[] alternating) {
        List<Cut> out = new ArrayList<>(alternating.length);
        for (int k = 0; k + 1 < alternating.length; k += 2) {
            Cut lower = alternating[k].equals(Cut.BEFORE_MIN) ? Cut.BELOW_ALL : alternating[k];
            Cut upper = alternating[k + 1];
            if (lower.compareTo(upper) >= 0 || (lower == Cut.BELOW_ALL && upper.equals(Cut.BEFORE_MIN))) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).compareTo(lower) >= 0) {
                if (out.get(out.size() - 1).compareTo(upper) < 0) {
                    out.set(out.size() - 1, upper);
                }
                continue;
            }
            out.add(lower);
            out.add(upper);
        }
        return out.toArray(new Cut[0]);
    }

    private static boolean intervalsContain(Cut[] bounds, Version v) {
        int lo = 0;
        int hi = bounds.length;
        // the number of cuts below v; odd means v is inside an interval
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid].isBelow(v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (lo & 1) == 1;
    }
}
