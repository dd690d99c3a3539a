package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PEP 440 version: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}.
 *
 * <p>Immutable. Ordering and equality are PEP 440's: {@code 1.0 == 1.0.0}, {@code 1.0.dev0 < 1.0a1 <
 * 1.0 < 1.0+local < 1.0.post0}; numbers may be arbitrarily large. {@link #toString()} is the
 * normalised form ({@code V1.0-RC1} prints {@code 1.0rc1}).
 *
 * <p>Every version carries a comparison key (a {@code long[]} in which each section is
 * self-delimiting), so comparing two versions is one array comparison; the key layout is also what
 * lets {@link VersionSet} place bounds between versions.
 */
public final class Version implements Comparable<Version> {

    /** A pre-release phase; spellings such as {@code alpha}, {@code c}, {@code pre}, {@code preview} map here. */
    public enum Phase {
        ALPHA("a"), BETA("b"), RELEASE_CANDIDATE("rc");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The normalised label: {@code a}, {@code b} or {@code rc}. */
        public String label() {
            return label;
        }
    }

    /** The pre-release segment, e.g. {@code rc1}. */
    public record PreRelease(Phase phase, BigInteger number) {
        public PreRelease {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return phase.label() + number;
        }
    }

    /** The smallest version there is; nothing sorts below {@code 0.dev0}. */
    static final Version MIN = new Version(BigInteger.ZERO, new BigInteger[] {BigInteger.ZERO}, null, null,
            BigInteger.ZERO, null);

    private final BigInteger epoch;
    private final BigInteger[] release;
    private final PreRelease pre;
    private final BigInteger post;
    private final BigInteger dev;
    private final Object[] local;
    private final String text;
    private final long[] key;
    /** Where the post-release section starts in {@link #key}; bounds "after all post-releases" cut here. */
    private final int postOffset;
    /** Where the local section starts in {@link #key}; bounds "after all local versions" cut here. */
    private final int localOffset;
    private int hash;

    Version(BigInteger epoch, BigInteger[] release, PreRelease pre, BigInteger post, BigInteger dev, Object[] local) {
        this.epoch = epoch;
        this.release = release;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.text = render();
        VersionKey.Builder k = new VersionKey.Builder();
        k.number(epoch);
        int trimmed = release.length;
        while (trimmed > 0 && release[trimmed - 1].signum() == 0) {
            trimmed--;
        }
        for (int i = 0; i < trimmed; i++) {
            k.number(release[i]);
        }
        k.add(VersionKey.END);
        if (pre == null && post == null && dev != null) {
            k.add(VersionKey.PRE_DEV_ONLY);
            k.number(BigInteger.ZERO);
        } else if (pre == null) {
            k.add(VersionKey.PRE_NONE);
            k.number(BigInteger.ZERO);
        } else {
            k.add(VersionKey.PRE_ALPHA + pre.phase().ordinal());
            k.number(pre.number());
        }
        this.postOffset = k.size();
        k.add(post == null ? VersionKey.POST_NONE : VersionKey.POST_SOME);
        k.number(post == null ? BigInteger.ZERO : post);
        k.add(dev == null ? VersionKey.DEV_NONE : VersionKey.DEV_SOME);
        k.number(dev == null ? BigInteger.ZERO : dev);
        this.localOffset = k.size();
        if (local != null) {
            for (Object segment : local) {
                if (segment instanceof String str) {
                    k.add(VersionKey.LOCAL_STRING);
                    for (int i = 0; i < str.length(); i++) {
                        k.add(str.charAt(i));
                    }
                    k.add(VersionKey.END);
                } else {
                    k.add(VersionKey.LOCAL_NUMBER);
                    k.number((BigInteger) segment);
                }
            }
        }
        k.add(VersionKey.END);
        this.key = k.build();
    }

    /**
     * Parses a version as packaging does: surrounding whitespace and a leading {@code v} are
     * accepted, as are every alternative spelling PEP 440 normalises.
     *
     * @throws InvalidVersionException when the text is not a PEP 440 version
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        return scan(text, true);
    }

    /** The version, or empty when the text is not a PEP 440 version (no exception is made on the way). */
    public static Optional<Version> tryParse(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(scan(text, false));
    }

    private static Version scan(String text, boolean explain) {
        int start = PythonWhitespace.skip(text, 0, text.length());
        int end = PythonWhitespace.skipBack(text, start, text.length());
        VersionScanner scanner = new VersionScanner(text, start, end);
        if (!scanner.scan(true, false, 1)) {
            if (!explain) {
                return null;
            }
            throw new InvalidVersionException(start == end
                    ? "\"" + text + "\" is not a PEP 440 version: it is empty"
                    : "\"" + text + "\" is not a PEP 440 version: expected a release number such as 1.2.3");
        }
        if (scanner.position() != end) {
            if (!explain) {
                return null;
            }
            throw new InvalidVersionException("\"" + text + "\" is not a PEP 440 version: cannot read \""
                    + text.substring(scanner.position(), end) + "\" after \""
                    + text.substring(start, scanner.position()) + "\"");
        }
        return fromScanner(scanner);
    }

    static Version fromScanner(VersionScanner s) {
        return new Version(s.epoch, s.release.toArray(new BigInteger[0]), s.pre, s.post, s.dev, s.local);
    }

    public BigInteger epoch() {
        return epoch;
    }

    /** The release numbers as written, trailing zeros included ({@code 1.0.0} gives [1, 0, 0]). */
    public List<BigInteger> release() {
        return List.of(release);
    }

    public Optional<PreRelease> pre() {
        return Optional.ofNullable(pre);
    }

    public Optional<BigInteger> post() {
        return Optional.ofNullable(post);
    }

    public Optional<BigInteger> dev() {
        return Optional.ofNullable(dev);
    }

    /** The normalised local label ({@code cu121}, {@code ubuntu.1}), empty when there is none. */
    public Optional<String> local() {
        if (local == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        appendLocal(b);
        return Optional.of(b.toString());
    }

    /** A pre-release in PEP 440's sense: it has an a/b/rc segment or a dev segment. */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isDevRelease() {
        return dev != null;
    }

    public boolean isPostRelease() {
        return post != null;
    }

    /** Epoch and release only: {@code 1!2.0rc1.post3+x} gives {@code 1!2.0}. */
    public Version baseVersion() {
        if (pre == null && post == null && dev == null && local == null) {
            return this;
        }
        return new Version(epoch, release, null, null, null, null);
    }

    /** The version without its local label. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release, pre, post, dev, null);
    }

    @Override
    public int compareTo(Version o) {
        return Arrays.compare(key, o.key);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Version v && Arrays.equals(key, v.key));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(key);
            hash = h;
        }
        return h;
    }

    /** The PEP 440 normalised form. */
    @Override
    public String toString() {
        return text;
    }

    // ---- derived versions that version-set bounds are built from ----

    boolean hasLocal() {
        return local != null;
    }

    PreRelease preOrNull() {
        return pre;
    }

    BigInteger postOrNull() {
        return post;
    }

    BigInteger devOrNull() {
        return dev;
    }

    BigInteger[] releaseArray() {
        return release;
    }

    long[] key() {
        return key;
    }

    int postOffset() {
        return postOffset;
    }

    int localOffset() {
        return localOffset;
    }

    Version with(PreRelease newPre, BigInteger newPost, BigInteger newDev) {
        return new Version(epoch, release, newPre, newPost, newDev, null);
    }

    Version withRelease(BigInteger[] newRelease) {
        return new Version(epoch, newRelease, null, null, BigInteger.ZERO, null);
    }

    /** The smallest version above this one and all its local versions. */
    Version firstAfterLocals() {
        if (dev != null) {
            return with(pre, post, dev.add(BigInteger.ONE));
        }
        return with(pre, post == null ? BigInteger.ZERO : post.add(BigInteger.ONE), BigInteger.ZERO);
    }

    /** For a pre-release {@code Xa1}: the smallest version above it and all its post-releases, {@code Xa2.dev0}. */
    Version nextPreReleaseDev0() {
        return with(new PreRelease(pre.phase(), pre.number().add(BigInteger.ONE)), null, BigInteger.ZERO);
    }

    /** {@code 1.4} gives {@code 1.5.dev0}: the first version whose release does not start with this one's. */
    Version nextPrefixDev0() {
        BigInteger[] next = release.clone();
        next[next.length - 1] = next[next.length - 1].add(BigInteger.ONE);
        return withRelease(next);
    }

    /** {@code 1.4} gives {@code 1.4.dev0}: the first version whose release starts with this one's. */
    Version prefixDev0() {
        return withRelease(release);
    }

    /** The same version with trailing zero release numbers dropped, one kept: {@code 1.0.0rc1} gives {@code 1rc1}. */
    Version trimmedRelease() {
        int n = release.length;
        while (n > 1 && release[n - 1].signum() == 0) {
            n--;
        }
        return n == release.length ? this : new Version(epoch, Arrays.copyOf(release, n), pre, post, dev, local);
    }

    /** The release without its last number ({@code ~=1.4.5} covers the prefix {@code 1.4}). */
    Version dropLastReleaseNumber() {
        return new Version(epoch, Arrays.copyOf(release, release.length - 1), null, null, null, null);
    }

    private String render() {
        StringBuilder b = new StringBuilder(16);
        if (epoch.signum() != 0) {
            b.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(release[i]);
        }
        if (pre != null) {
            b.append(pre.phase().label()).append(pre.number());
        }
        if (post != null) {
            b.append(".post").append(post);
        }
        if (dev != null) {
            b.append(".dev").append(dev);
        }
        if (local != null) {
            b.append('+');
            appendLocal(b);
        }
        return b.toString();
    }

    private void appendLocal(StringBuilder b) {
        for (int i = 0; i < local.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(local[i]);
        }
    }
}
