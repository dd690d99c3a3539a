package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a {@link VersionSet} the way people write requirements. Each interval becomes specifier
 * clauses ({@code >=4.46,<4.48}, {@code ==4.44.2}, {@code ==1.4.*}), a hole that is exactly one
 * version or one prefix becomes {@code !=} inside its neighbours' clause, and anything else is
 * joined with {@code " || "}. A bound that no PEP 440 specifier states (only complements produce
 * them, e.g. everything below 1.0 including 1.0's pre-releases) is spelled out in words.
 */
final class VersionSetFormat {

    private VersionSetFormat() {
    }

    static String format(Cut[] b, SortedMap<String, Version> flipped) {
        if (b.length == 0 && flipped.isEmpty()) {
            return "none";
        }
        List<String> groups = new ArrayList<>();
        for (int k = 0; k < b.length; k += 2) {
            Cut lower = b[k];
            Cut upper = b[k + 1];
            List<String> holes = new ArrayList<>();
            while (k + 2 < b.length) {
                String hole = hole(upper, b[k + 2]);
                if (hole == null) {
                    break;
                }
                holes.add(hole);
                upper = b[k + 3];
                k += 2;
            }
            groups.add(group(lower, holes, upper));
        }
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, Version> e : flipped.entrySet()) {
            if (inIntervals(b, e.getValue())) {
                excluded.add("===" + e.getKey());
            } else {
                groups.add("===" + e.getKey());
            }
        }
        String text = groups.isEmpty() ? "none" : String.join(" || ", groups);
        return excluded.isEmpty() ? text : text + " except " + String.join(" ", excluded);
    }

    private static String group(Cut lower, List<String> holes, Cut upper) {
        if (holes.isEmpty()) {
            String single = single(lower, upper);
            if (single != null) {
                return single;
            }
        }
        List<String> clauses = new ArrayList<>();
        if (lower != Cut.BELOW_ALL) {
            clauses.add(lowerClause(lower));
        }
        clauses.addAll(holes);
        if (upper != Cut.ABOVE_ALL) {
            clauses.add(upperClause(upper));
        }
        return clauses.isEmpty() ? "any" : String.join(",", clauses);
    }

    /** {@code ==V}, {@code ==V+local} or {@code ==P.*} when the interval is exactly that. */
    private static String single(Cut lower, Cut upper) {
        if (lower.kind != Cut.Kind.BEFORE) {
            return null;
        }
        Version v = lower.version;
        if (v.hasLocal() ? upper.equals(Cut.after(v)) : upper.equals(Cut.afterLocals(v))) {
            return "==" + v;
        }
        Version prefix = wildcardPrefix(lower, upper);
        return prefix == null ? null : "==" + prefix + ".*";
    }

    /** The clause for a hole between two intervals, when the hole is one version or one prefix. */
    private static String hole(Cut holeStart, Cut holeEnd) {
        if (holeStart.kind != Cut.Kind.BEFORE) {
            return null;
        }
        Version v = holeStart.version;
        if (v.hasLocal() ? holeEnd.equals(Cut.after(v)) : holeEnd.equals(Cut.afterLocals(v))) {
            return "!=" + v;
        }
        Version prefix = wildcardPrefix(holeStart, holeEnd);
        return prefix == null ? null : "!=" + prefix + ".*";
    }

    /** P when {@code [from, to)} is {@code [P.dev0, P'.dev0)} with P' the next prefix (the range of {@code ==P.*}). */
    private static Version wildcardPrefix(Cut from, Cut to) {
        if (to.kind != Cut.Kind.BEFORE || !isBareDev0(to.version)) {
            return null;
        }
        BigInteger[] release = to.version.releaseArray();
        int n = release.length;
        while (n > 0 && release[n - 1].signum() == 0) {
            n--;
        }
        if (n == 0) {
            return null;
        }
        BigInteger[] p = Arrays.copyOf(release, n);
        p[n - 1] = p[n - 1].subtract(BigInteger.ONE);
        Version prefix = new Version(to.version.epoch(), p, null, null, null, null);
        return from.equals(Cut.before(prefix.prefixDev0())) ? prefix : null;
    }

    private static boolean isBareDev0(Version v) {
        return !v.hasLocal() && v.preOrNull() == null && v.postOrNull() == null
                && v.devOrNull() != null && v.devOrNull().signum() == 0;
    }

    private static String lowerClause(Cut c) {
        if (c.kind != Cut.Kind.BEFORE) {
            // AFTER comes from a local version (==1.0+x) and AFTER_POSTS from >V: both read as ">V"
            return ">" + c.version;
        }
        Version w = c.version;
        BigInteger dev = w.devOrNull();
        if (!w.hasLocal() && dev != null && dev.signum() == 0) {
            BigInteger post = w.postOrNull();
            Version.PreRelease pre = w.preOrNull();
            if (post != null && post.signum() > 0) {
                return ">" + w.with(pre, post.subtract(BigInteger.ONE), null);
            }
            if (post == null && pre != null && pre.number().signum() > 0) {
                return ">" + w.with(new Version.PreRelease(pre.phase(), pre.number().subtract(BigInteger.ONE)), null, null);
            }
        }
        return ">=" + w;
    }

    private static String upperClause(Cut c) {
        Version w = c.version;
        if (c.kind == Cut.Kind.AFTER) {
            return "<=" + w;
        }
        if (c.kind == Cut.Kind.AFTER_POSTS) {
            return "<=" + w + " incl. " + w + " post-releases";
        }
        if (w.hasLocal()) {
            return "<" + w;
        }
        BigInteger dev = w.devOrNull();
        BigInteger post = w.postOrNull();
        if (dev != null && dev.signum() == 0 && post != null) {
            return "<=" + w.with(w.preOrNull(), post.signum() == 0 ? null : post.subtract(BigInteger.ONE), null);
        }
        if (dev != null && dev.signum() == 0 && w.preOrNull() == null) {
            return "<" + w.with(null, null, null);
        }
        if (w.isPrerelease()) {
            return "<" + w;
        }
        return "<" + w + " incl. " + w + (post == null ? " pre-releases" : " dev releases");
    }

    private static boolean inIntervals(Cut[] b, Version v) {
        for (int k = 0; k < b.length; k += 2) {
            if (b[k].isBelow(v) && !b[k + 1].isBelow(v)) {
                return true;
            }
        }
        return false;
    }
}
