package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A set of release indices (positions in a catalogue's ordered version list), immutable. A symbol's
 * history is one of these: present in releases 3 to 7 and again from 9 is {@code [3,8) [9,12)}.
 */
public final class VersionIndexSet {

    private static final VersionIndexSet EMPTY = new VersionIndexSet(new BitSet());

    private final BitSet bits;

    private VersionIndexSet(BitSet bits) {
        this.bits = bits;
    }

    public static VersionIndexSet empty() {
        return EMPTY;
    }

    public static VersionIndexSet of(int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) {
            b.set(i);
        }
        return new VersionIndexSet(b);
    }

    /** The indices set in {@code bits} (copied). */
    public static VersionIndexSet of(BitSet bits) {
        return bits.isEmpty() ? EMPTY : new VersionIndexSet((BitSet) bits.clone());
    }

    /** The indices of a catalogue's index ranges. */
    static VersionIndexSet of(dev.fitcheck.catalogue.IndexRanges r) {
        return r.isEmpty() ? EMPTY : new VersionIndexSet(r.toBitSet()); // toBitSet gives a fresh set: no copy needed
    }

    /** Indices {@code from} (inclusive) to {@code to} (exclusive). */
    public static VersionIndexSet range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return new VersionIndexSet(b);
    }

    /** From half-open intervals {@code [start, end)}, as {@link #intervals()} gives them. */
    public static VersionIndexSet ofIntervals(List<int[]> intervals) {
        BitSet b = new BitSet();
        for (int[] iv : intervals) {
            if (iv.length != 2 || iv[0] < 0 || iv[1] < iv[0]) {
                throw new IllegalArgumentException("an interval is [start, end) with 0 <= start <= end");
            }
            b.set(iv[0], iv[1]);
        }
        return new VersionIndexSet(b);
    }

    public boolean contains(int index) {
        return index >= 0 && bits.get(index);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    /** The lowest index, or -1 when empty. */
    public int first() {
        return bits.nextSetBit(0);
    }

    /** The highest index, or -1 when empty. */
    public int last() {
        return bits.length() - 1;
    }

    public VersionIndexSet and(VersionIndexSet other) {
        BitSet b = (BitSet) bits.clone();
        b.and(other.bits);
        return new VersionIndexSet(b);
    }

    public VersionIndexSet or(VersionIndexSet other) {
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        return new VersionIndexSet(b);
    }

    public VersionIndexSet andNot(VersionIndexSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return new VersionIndexSet(b);
    }

    public VersionIndexSet with(int index) {
        BitSet b = (BitSet) bits.clone();
        b.set(index);
        return new VersionIndexSet(b);
    }

    /** The set as sorted, disjoint half-open intervals {@code [start, end)}. */
    public List<int[]> intervals() {
        List<int[]> out = new ArrayList<>();
        for (int start = bits.nextSetBit(0); start >= 0; ) {
            int end = bits.nextClearBit(start);
            out.add(new int[] {start, end});
            start = bits.nextSetBit(end);
        }
        return out;
    }

    public int[] indices() {
        return bits.stream().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionIndexSet other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int[] iv : intervals()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append('[').append(iv[0]).append(',').append(iv[1]).append(')');
        }
        return sb.length() == 0 ? "{}" : sb.toString();
    }
}
