package dev.fitcheck.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A comma-separated list of {@link Specifier}s, all of which must hold: {@code >=4.46,<4.48}.
 * The empty list takes in every version.
 *
 * <p>Pre-releases follow packaging 26 (pip 26): one version checked with {@link #contains(Version)}
 * matches even when it is a pre-release (PEP 440: with no alternatives, a pre-release is accepted);
 * {@link #filter(Collection)} over a list keeps pre-releases only when no final release matches,
 * unless a clause names a pre-release ({@code >=2.0b1}), which opts in.
 */
public final class SpecifierSet {

    private static final SpecifierSet ANY = new SpecifierSet(List.of());

    private final List<Specifier> specifiers;
    private VersionSet versionSet;

    private SpecifierSet(List<Specifier> specifiers) {
        this.specifiers = specifiers;
    }

    /** The set with no clauses, which takes in every version. */
    public static SpecifierSet any() {
        return ANY;
    }

    /**
     * Parses {@code ">=1.0, <2.0"}: clauses separated by commas, whitespace around each ignored,
     * empty pieces skipped; the empty string is {@link #any()}.
     *
     * @throws InvalidSpecifierException for the first clause that is not a specifier
     */
    public static SpecifierSet parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Specifier> out = new ArrayList<>(2);
        int from = 0;
        while (from <= text.length()) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 ? text.length() : comma;
            String piece = PythonWhitespace.strip(text.substring(from, to));
            if (!piece.isEmpty()) {
                out.add(Specifier.parse(piece));
            }
            from = to + 1;
        }
        return out.isEmpty() ? ANY : new SpecifierSet(List.copyOf(out));
    }

    public static SpecifierSet of(Collection<Specifier> specifiers) {
        return specifiers.isEmpty() ? ANY : new SpecifierSet(List.copyOf(specifiers));
    }

    /** The clauses in the order written. */
    public List<Specifier> specifiers() {
        return specifiers;
    }

    /** True when there are no clauses (the set takes in every version); see {@link #isUnsatisfiable()}. */
    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** No version satisfies every clause ({@code >=2,<1}, {@code ==1.0,!=1.0}). */
    public boolean isUnsatisfiable() {
        return toVersionSet().isEmpty();
    }

    /** Both sets' clauses. */
    public SpecifierSet and(SpecifierSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Specifier> both = new ArrayList<>(specifiers);
        both.addAll(other.specifiers);
        return new SpecifierSet(List.copyOf(both));
    }

    /** packaging's default ({@code prereleases=None}) for one version: pre-releases may match. */
    public boolean contains(Version v) {
        return toVersionSet().contains(v);
    }

    /** Whether {@code v} satisfies every clause; with {@code prereleases} false a pre-release never does. */
    public boolean contains(Version v, boolean prereleases) {
        if (!prereleases && v.isPrerelease()) {
            return false;
        }
        return toVersionSet().contains(v);
    }

    /**
     * The versions that satisfy the set, in their order, with packaging's default pre-release rule:
     * pre-releases only when no final release matches, or when a clause names a pre-release.
     */
    public List<Version> filter(Collection<Version> versions) {
        return filter(versions, null);
    }

    /**
     * As {@link #filter(Collection)}; {@code prereleases} true keeps every matching pre-release,
     * false none, null applies the default rule.
     */
    public List<Version> filter(Collection<Version> versions, Boolean prereleases) {
        Boolean mode = prereleases != null ? prereleases : impliesPrereleases();
        VersionSet set = toVersionSet();
        List<Version> finals = new ArrayList<>();
        List<Version> all = new ArrayList<>();
        for (Version v : versions) {
            if (Boolean.FALSE.equals(mode) && v.isPrerelease()) {
                continue;
            }
            if (set.contains(v)) {
                all.add(v);
                if (!v.isPrerelease()) {
                    finals.add(v);
                }
            }
        }
        return mode == null && !finals.isEmpty() ? finals : all;
    }

    /** True when a clause names a pre-release; otherwise null (no opinion), as packaging reports it. */
    public Boolean impliesPrereleases() {
        for (Specifier s : specifiers) {
            if (Boolean.TRUE.equals(s.impliesPrereleases())) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** Exactly the versions {@code contains(v, true)} accepts. */
    public VersionSet toVersionSet() {
        VersionSet s = versionSet;
        if (s == null) {
            s = VersionSet.all();
            for (Specifier spec : specifiers) {
                s = s.intersect(spec.toVersionSet());
            }
            versionSet = s;
        }
        return s;
    }

    /** packaging's form: clauses sorted as text, duplicates (by PEP 440 equality) dropped, joined by commas. */
    @Override
    public String toString() {
        Map<String, String> byCanonical = new LinkedHashMap<>();
        specifiers.stream().sorted(Comparator.comparing(Specifier::toString))
                .forEach(s -> byCanonical.putIfAbsent(s.canonical(), s.toString()));
        return String.join(",", byCanonical.values());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof SpecifierSet s && canonicalClauses().equals(s.canonicalClauses()));
    }

    @Override
    public int hashCode() {
        return canonicalClauses().hashCode();
    }

    private TreeSet<String> canonicalClauses() {
        TreeSet<String> out = new TreeSet<>();
        for (Specifier s : specifiers) {
            out.add(s.canonical());
        }
        return out;
    }
}
