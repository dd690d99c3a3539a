package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PEP 440 grammar by hand, in one pass and without a regular expression, exactly as
 * packaging's {@code VERSION_PATTERN} (whose optional groups are possessive) accepts it. Used for
 * plain versions and for the version inside a specifier, which may add a {@code .*} wildcard and,
 * depending on the operator, may forbid a local label or require two release numbers.
 *
 * <p>Each optional part is tried at the current position and either consumed whole or not at all;
 * the caller decides whether stopping before the end of the text is an error.
 */
final class VersionScanner {

    private static final String[] PRE_LABELS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
    private static final Version.Phase[] PRE_PHASES = {
        Version.Phase.ALPHA, Version.Phase.ALPHA, Version.Phase.BETA, Version.Phase.BETA,
        Version.Phase.RELEASE_CANDIDATE, Version.Phase.RELEASE_CANDIDATE,
        Version.Phase.RELEASE_CANDIDATE, Version.Phase.RELEASE_CANDIDATE,
    };
    private static final String[] POST_LABELS = {"post", "rev", "r"};

    private final String s;
    private final int end;
    private int pos;

    BigInteger epoch = BigInteger.ZERO;
    final List<BigInteger> release = new ArrayList<>(4);
    Version.PreRelease pre;
    BigInteger post;
    BigInteger dev;
    Object[] local;
    boolean wildcard;

    VersionScanner(String s, int start, int end) {
        this.s = s;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    /**
     * Scans one version from the current position.
     *
     * @return false when there is no release number where one must start (nothing is consumed)
     */
    boolean scan(boolean allowLocal, boolean allowWildcard, int minReleaseNumbers) {
        int start = pos;
        if (pos < end && (s.charAt(pos) == 'v' || s.charAt(pos) == 'V')) {
            pos++;
        }
        int digitsEnd = digits(pos);
        if (digitsEnd == pos) {
            pos = start;
            return false;
        }
        if (digitsEnd < end && s.charAt(digitsEnd) == '!') {
            epoch = number(pos, digitsEnd);
            pos = digitsEnd + 1;
            digitsEnd = digits(pos);
            if (digitsEnd == pos) {
                pos = start;
                return false;
            }
        }
        release.add(number(pos, digitsEnd));
        pos = digitsEnd;
        while (pos + 1 < end && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
            int e = digits(pos + 1);
            release.add(number(pos + 1, e));
            pos = e;
        }
        if (release.size() < minReleaseNumbers) {
            pos = start;
            return false;
        }
        if (allowWildcard && pos + 1 < end && s.charAt(pos) == '.' && s.charAt(pos + 1) == '*') {
            wildcard = true;
            pos += 2;
            return true;
        }
        scanPre();
        scanPost();
        scanDev();
        if (allowLocal) {
            scanLocal();
        }
        return true;
    }

    private void scanPre() {
        int p = separator(pos);
        for (int i = 0; i < PRE_LABELS.length; i++) {
            if (matchesIgnoreCase(p, PRE_LABELS[i])) {
                int q = separator(p + PRE_LABELS[i].length());
                int e = digits(q);
                pre = new Version.PreRelease(PRE_PHASES[i], e > q ? number(q, e) : BigInteger.ZERO);
                pos = e;
                return;
            }
        }
    }

    private void scanPost() {
        if (pos + 1 < end && s.charAt(pos) == '-' && isDigit(s.charAt(pos + 1))) {
            int e = digits(pos + 1);
            post = number(pos + 1, e);
            pos = e;
            return;
        }
        int p = separator(pos);
        for (String label : POST_LABELS) {
            if (matchesIgnoreCase(p, label)) {
                int q = separator(p + label.length());
                int e = digits(q);
                post = e > q ? number(q, e) : BigInteger.ZERO;
                pos = e;
                return;
            }
        }
    }

    private void scanDev() {
        int p = separator(pos);
        if (matchesIgnoreCase(p, "dev")) {
            int q = separator(p + 3);
            int e = digits(q);
            dev = e > q ? number(q, e) : BigInteger.ZERO;
            pos = e;
        }
    }

    private void scanLocal() {
        if (pos >= end || s.charAt(pos) != '+') {
            return;
        }
        int e = alnum(pos + 1);
        if (e == pos + 1) {
            return;
        }
        List<Object> segments = new ArrayList<>(3);
        segments.add(localSegment(pos + 1, e));
        int p = e;
        while (p + 1 < end && isSeparator(s.charAt(p))) {
            int f = alnum(p + 1);
            if (f == p + 1) {
                break;
            }
            segments.add(localSegment(p + 1, f));
            p = f;
        }
        local = segments.toArray();
        pos = p;
    }

    private Object localSegment(int from, int to) {
        if (digits(from) == to) {
            return number(from, to);
        }
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            chars[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    private int separator(int p) {
        return p < end && isSeparator(s.charAt(p)) ? p + 1 : p;
    }

    private boolean matchesIgnoreCase(int p, String lowerLabel) {
        int n = lowerLabel.length();
        if (p + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(p + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerLabel.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int digits(int p) {
        int i = p;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private int alnum(int p) {
        int i = p;
        while (i < end && isAsciiAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private BigInteger number(int from, int to) {
        while (from < to - 1 && s.charAt(from) == '0') {
            from++;
        }
        if (to - from <= 18) {
            long v = 0;
            for (int i = from; i < to; i++) {
                v = v * 10 + (s.charAt(i) - '0');
            }
            return BigInteger.valueOf(v);
        }
        return new BigInteger(s.substring(from, to));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
