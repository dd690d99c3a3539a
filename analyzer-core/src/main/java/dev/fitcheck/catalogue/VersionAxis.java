package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The versions a catalogue covers, oldest first in its ecosystem's order: the axis every
 * {@link IndexRanges} of the catalogue counts along. Each version is kept as the label its
 * ecosystem writes ({@code 4.44.2}, {@code 33.5.0-jre}); a Python axis also holds the parsed
 * PEP 440 versions, which the Python analysis works in.
 */
public final class VersionAxis {

    private final Ecosystem ecosystem;
    private final List<String> labels;
    /** Parsed once for a Python axis; null for every other ecosystem. */
    private final List<Version> python;

    private VersionAxis(Ecosystem ecosystem, List<String> labels, List<Version> python) {
        this.ecosystem = ecosystem;
        this.labels = List.copyOf(labels);
        this.python = python == null ? null : List.copyOf(python);
        Comparator<String> order = ecosystem.order();
        for (int i = 1; i < this.labels.size(); i++) {
            boolean ascending = python != null ? python.get(i - 1).compareTo(python.get(i)) < 0
                    : order.compare(this.labels.get(i - 1), this.labels.get(i)) < 0;
            if (!ascending) {
                throw new IllegalArgumentException("catalogue versions must ascend: " + this.labels.get(i - 1)
                        + " before " + this.labels.get(i));
            }
        }
    }

    /** A Python package's versions, ascending; labels are their normalised forms. */
    public static VersionAxis python(List<Version> versions) {
        return new VersionAxis(Ecosystem.PYPI, versions.stream().map(Version::toString).toList(), versions);
    }

    /** Versions as the ecosystem writes them, ascending in its order; each must be a version there. */
    public static VersionAxis of(Ecosystem ecosystem, List<String> labels) {
        Objects.requireNonNull(ecosystem, "ecosystem");
        if (ecosystem == Ecosystem.PYPI) {
            List<Version> parsed = new ArrayList<>(labels.size());
            for (String l : labels) {
                ecosystem.check(l);
                parsed.add(Version.parse(l));
            }
            return python(parsed);
        }
        labels.forEach(ecosystem::check);
        return new VersionAxis(ecosystem, labels, null);
    }

    public Ecosystem ecosystem() {
        return ecosystem;
    }

    /** Oldest first. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    public String label(int index) {
        return labels.get(index);
    }

    /**
     * The position of a version, found by the ecosystem's equality ({@code 1.0} is {@code 1.0.0}
     * in both), or -1 when the axis lacks it or it is no version of this ecosystem.
     */
    public int indexOf(String label) {
        if (python != null) {
            return Version.tryParse(label).map(this::indexOf).filter(i -> i >= 0).orElse(-1);
        }
        try {
            int i = Collections.binarySearch(labels, label, ecosystem.order());
            return i < 0 ? -1 : i;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The position of a PEP 440 version on a Python axis, or a negative number when it lacks it. */
    public int indexOf(Version v) {
        return Collections.binarySearch(pythonVersions(), v);
    }

    /** The PEP 440 versions of a Python axis; any other ecosystem's versions are not PEP 440. */
    public List<Version> pythonVersions() {
        if (python == null) {
            throw new IllegalStateException("a " + ecosystem + " catalogue's versions are not PEP 440 versions");
        }
        return python;
    }

    /**
     * An index set as the ecosystem writes version ranges, each stretch up to the first catalogued
     * version it leaves out and open when it reaches the newest: {@code >=4.46.0,<4.48.0} (PEP 440,
     * through {@link VersionSet}) or {@code [20.0,21.0),[23.0,)} (Maven's range syntax).
     */
    public String rangeText(IndexRanges r) {
        if (r.isEmpty()) return "none";
        if (python != null) return toVersionSet(r).toString();
        StringJoiner j = new StringJoiner(",");
        for (int k = 0; k < r.intervals(); k++) {
            int hi = r.high(k);
            j.add("[" + labels.get(r.low(k)) + "," + (hi + 1 < labels.size() ? labels.get(hi + 1) : "") + ")");
        }
        return j.toString();
    }

    /** A Python axis's index set as PEP 440 versions: each stretch {@code >=v[lo],<v[hi+1]}, open at the newest. */
    public VersionSet toVersionSet(IndexRanges r) {
        List<Version> v = pythonVersions();
        VersionSet out = VersionSet.none();
        for (int k = 0; k < r.intervals(); k++) {
            Version lo = v.get(r.low(k));
            int hi = r.high(k);
            out = out.union(hi + 1 >= v.size() ? VersionSet.atLeast(lo) : VersionSet.between(lo, v.get(hi + 1)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionAxis a && a.ecosystem == ecosystem && a.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return ecosystem.hashCode() * 31 + labels.hashCode();
    }

    @Override
    public String toString() {
        return ecosystem + " " + labels;
    }
}
