package dev.fitcheck.catalogue;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of positions in a catalogue's ordered version list, kept as sorted, disjoint, inclusive
 * intervals: a name present in releases 3 to 7 and again in 9 is {@code 3-7,9}. That is how a
 * catalogue stores every presence, since most names live through one unbroken stretch of releases.
 */
public final class IndexRanges {

    private static final IndexRanges EMPTY = new IndexRanges(new int[0]);

    /** lo0, hi0, lo1, hi1, ... ascending, inclusive, with gaps of at least one between intervals. */
    private final int[] bounds;

    private IndexRanges(int[] bounds) {
        this.bounds = bounds;
    }

    public static IndexRanges empty() {
        return EMPTY;
    }

    public static IndexRanges single(int index) {
        return new IndexRanges(new int[] {index, index});
    }

    public static IndexRanges span(int fromInclusive, int toInclusive) {
        if (toInclusive < fromInclusive) return EMPTY;
        return new IndexRanges(new int[] {fromInclusive, toInclusive});
    }

    public static IndexRanges of(BitSet bits) {
        int[] out = new int[8];
        int n = 0;
        for (int lo = bits.nextSetBit(0); lo >= 0; ) {
            int hi = bits.nextClearBit(lo) - 1;
            if (n + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
            out[n++] = lo;
            out[n++] = hi;
            lo = bits.nextSetBit(hi + 1);
        }
        return n == 0 ? EMPTY : new IndexRanges(Arrays.copyOf(out, n));
    }

    public BitSet toBitSet() {
        BitSet b = new BitSet();
        for (int i = 0; i < bounds.length; i += 2) b.set(bounds[i], bounds[i + 1] + 1);
        return b;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean contains(int index) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (index < bounds[i]) return false;
            if (index <= bounds[i + 1]) return true;
        }
        return false;
    }

    /** The lowest index, or -1 when empty. */
    public int first() {
        return bounds.length == 0 ? -1 : bounds[0];
    }

    /** The highest index, or -1 when empty. */
    public int last() {
        return bounds.length == 0 ? -1 : bounds[bounds.length - 1];
    }

    /** How many intervals. */
    public int intervals() {
        return bounds.length / 2;
    }

    public int low(int interval) {
        return bounds[2 * interval];
    }

    public int high(int interval) {
        return bounds[2 * interval + 1];
    }

    public IndexRanges union(IndexRanges o) {
        if (o.isEmpty()) return this;
        if (isEmpty()) return o;
        BitSet b = toBitSet();
        b.or(o.toBitSet());
        return of(b);
    }

    public IndexRanges intersect(IndexRanges o) {
        if (isEmpty() || o.isEmpty()) return EMPTY;
        BitSet b = toBitSet();
        b.and(o.toBitSet());
        return of(b);
    }

    public IndexRanges minus(IndexRanges o) {
        if (isEmpty() || o.isEmpty()) return this;
        BitSet b = toBitSet();
        b.andNot(o.toBitSet());
        return of(b);
    }

    /** The same set with every index passed through {@code newIndex} (for re-ordered version lists). */
    IndexRanges remap(int[] newIndex) {
        BitSet b = new BitSet();
        for (int i = 0; i < bounds.length; i += 2) {
            for (int k = bounds[i]; k <= bounds[i + 1]; k++) b.set(newIndex[k]);
        }
        return of(b);
    }

    /** {@code 3-7,9}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (sb.length() > 0) sb.append(',');
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) sb.append('-').append(bounds[i + 1]);
        }
        return sb.toString();
    }

    /** Reads {@link #toString()}'s form; rejects anything not ascending and disjoint. */
    public static IndexRanges parse(String text) {
        if (text.isEmpty()) return EMPTY;
        String[] parts = text.split(",");
        int[] out = new int[parts.length * 2];
        int prev = -2;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int dash = p.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
            if (lo < 0 || hi < lo || lo <= prev + 1) {
                throw new IllegalArgumentException("index ranges must ascend without touching: " + text);
            }
            out[2 * i] = lo;
            out[2 * i + 1] = hi;
            prev = hi;
        }
        return new IndexRanges(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexRanges r && Arrays.equals(bounds, r.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
