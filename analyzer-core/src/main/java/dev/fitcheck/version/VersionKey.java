package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The layout of a version's comparison key, a {@code long[]} compared lexicographically.
 *
 * <pre>
 *   epoch        number
 *   release      number* END          (trailing zeros dropped, so 1.0 == 1)
 *   pre          PRE_* number         (dev-only &lt; a &lt; b &lt; rc &lt; none)
 *   post         POST_* number        (none &lt; some)
 *   dev          DEV_* number         (some &lt; none)
 *   local        (LOCAL_STRING char* END | LOCAL_NUMBER number)* END
 *   number       wordCount word+      (base 2^63, most significant first, so any size orders right)
 * </pre>
 *
 * Every section delimits itself, so no key is a proper prefix of another and the first differing
 * element decides. A key cut short after a section and ended with a marker larger than anything
 * that section can hold ({@link #AFTER_ALL_POSTS}, {@link #AFTER_ALL_LOCALS}) sorts after every
 * version sharing that prefix: that is how a bound sits "after 1.0 and all its post-releases".
 */
final class VersionKey {

    static final long END = 0;
    static final long PRE_DEV_ONLY = 0;
    static final long PRE_ALPHA = 1;
    static final long PRE_NONE = 4;
    static final long POST_NONE = 0;
    static final long POST_SOME = 1;
    static final long AFTER_ALL_POSTS = 2;
    static final long DEV_SOME = 0;
    static final long DEV_NONE = 1;
    static final long LOCAL_STRING = 1;
    static final long LOCAL_NUMBER = 2;
    static final long AFTER_ALL_LOCALS = 3;

    private static final BigInteger WORD_MASK = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);

    private VersionKey() {
    }

    /** The key of every version sharing {@code v}'s epoch, release and pre-release, cut short after them. */
    static long[] afterAllPosts(Version v) {
        long[] k = Arrays.copyOf(v.key(), v.postOffset() + 1);
        k[v.postOffset()] = AFTER_ALL_POSTS;
        return k;
    }

    /** The key of {@code v} without its local section, ended so that it sorts after every {@code v+local}. */
    static long[] afterAllLocals(Version v) {
        long[] k = Arrays.copyOf(v.key(), v.localOffset() + 1);
        k[v.localOffset()] = AFTER_ALL_LOCALS;
        return k;
    }

    static final class Builder {
        private long[] buf = new long[16];
        private int size;

        void add(long value) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = value;
        }

        void number(BigInteger n) {
            if (n.bitLength() < 64) {
                add(1);
                add(n.longValue());
                return;
            }
            int words = (n.bitLength() + 62) / 63;
            add(words);
            for (int i = words - 1; i >= 0; i--) {
                add(n.shiftRight(63 * i).and(WORD_MASK).longValue());
            }
        }

        int size() {
            return size;
        }

        long[] build() {
            return Arrays.copyOf(buf, size);
        }
    }
}
