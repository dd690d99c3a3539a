package dev.fitcheck.version;

import java.util.Arrays;

/**
 * A point on the version line that no version sits on: the ends of a {@link VersionSet}'s intervals.
 *
 * <p>PEP 440 specifiers need bounds that "before V" and "after V" cannot say: {@code <=1.0} ends after
 * every {@code 1.0+local}, {@code >1.0} starts after every {@code 1.0.postN}. Those bounds are kept
 * in one canonical form so that two cuts with no version between them are equal:
 * <ul>
 * <li>{@link Kind#BEFORE}: just below V (and all versions equal to it);</li>
 * <li>{@link Kind#AFTER}: just above V exactly; V+local sorts above it (locals of V never end, so no
 * version is "next");</li>
 * <li>{@link Kind#AFTER_POSTS}: above a final V and all its post-releases (nothing is "next" either:
 * 1.0.0.1, 1.0.0.0.1 ... descend forever);</li>
 * <li>"after V and its locals" and "after a pre-release and its post-releases" do have a next
 * version, so they are stored as {@code BEFORE} that version.</li>
 * </ul>
 */
final class Cut implements Comparable<Cut> {

    enum Kind { BELOW_ALL, BEFORE, AFTER, AFTER_POSTS, ABOVE_ALL }

    static final Cut BELOW_ALL = new Cut(Kind.BELOW_ALL, null, new long[0], -1);
    static final Cut ABOVE_ALL = new Cut(Kind.ABOVE_ALL, null, new long[] {Long.MAX_VALUE}, 1);
    /** Nothing lies below this cut: {@code (BELOW_ALL, BEFORE(0.dev0))} is empty. */
    static final Cut BEFORE_MIN = before(Version.MIN);

    final Kind kind;
    /** The version the cut is defined by; null for the two ends of the line. */
    final Version version;
    private final long[] key;
    /** -1 just below {@link #key}, +1 just above it, 0 for a shortened key that no version has. */
    private final int side;

    private Cut(Kind kind, Version version, long[] key, int side) {
        this.kind = kind;
        this.version = version;
        this.key = key;
        this.side = side;
    }

    static Cut before(Version v) {
        return new Cut(Kind.BEFORE, v, v.key(), -1);
    }

    static Cut after(Version v) {
        return new Cut(Kind.AFTER, v, v.key(), 1);
    }

    /** Above {@code v} and every {@code v+local}; {@code v} must have no local label. */
    static Cut afterLocals(Version v) {
        return before(v.firstAfterLocals());
    }

    /** Above {@code v} (final or a/b/rc, without post or dev) and all its post-releases. */
    static Cut afterPosts(Version v) {
        if (v.preOrNull() != null) {
            return before(v.nextPreReleaseDev0());
        }
        return new Cut(Kind.AFTER_POSTS, v, VersionKey.afterAllPosts(v), 0);
    }

    /** Negative when this cut lies below {@code v}, positive when above; never zero. */
    int compareTo(Version v) {
        int c = Arrays.compare(key, v.key());
        return c != 0 ? c : side;
    }

    boolean isBelow(Version v) {
        return compareTo(v) < 0;
    }

    @Override
    public int compareTo(Cut o) {
        int c = Arrays.compare(key, o.key);
        return c != 0 ? c : Integer.compare(side, o.side);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cut c && side == c.side && Arrays.equals(key, c.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + side;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BELOW_ALL -> "-inf";
            case ABOVE_ALL -> "+inf";
            case BEFORE -> "before " + version;
            case AFTER -> "after " + version;
            case AFTER_POSTS -> "after " + version + ".post*";
        };
    }
}
