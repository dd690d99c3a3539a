package dev.fitcheck.version;

/**
 * The characters Python's {@code str.isspace()} and a Unicode {@code \s} accept. packaging strips
 * them around versions and specifiers, so "\u00a01.0" is version 1.0 there and must be here too;
 * Java's own {@link Character#isWhitespace} differs (it rejects no-break spaces).
 */
public final class PythonWhitespace {

    private PythonWhitespace() {
    }

    public static boolean is(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** Index of the first non-whitespace character at or after {@code from}, at most {@code end}. */
    public static int skip(CharSequence s, int from, int end) {
        int i = from;
        while (i < end && is(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just after the last non-whitespace character before {@code end}, at least {@code from}. */
    public static int skipBack(CharSequence s, int from, int end) {
        int i = end;
        while (i > from && is(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@code s} without leading and trailing Python whitespace, like Python's {@code str.strip()}. */
    public static String strip(String s) {
        int start = skip(s, 0, s.length());
        int end = skipBack(s, start, s.length());
        return s.substring(start, end);
    }
}
