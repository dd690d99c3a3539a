package dev.fitcheck.catalogue;

/**
 * Steps through JSON as bytes where the shape is known (a catalogue's modules array): blanks,
 * one expected character, an integer, the end of a string, the end of a bracketed value. Each
 * failure says what was expected and where.
 */
final class JsonBytes {

    private JsonBytes() {
    }

    static int skipBlanks(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
        return i;
    }

    /** The offset after {@code c}, which must come next (after blanks). */
    static int expect(byte[] b, int i, char c) {
        i = skipBlanks(b, i);
        if (i >= b.length || b[i] != c) {
            throw new IllegalArgumentException("expected '" + c + "' at byte " + i + " but found "
                    + (i >= b.length ? "the end" : "'" + (char) b[i] + "'"));
        }
        return i + 1;
    }

    /** A non-negative integer from {@code i} (after blanks): its value in the high 32 bits, the offset after it in the low. */
    static long integer(byte[] b, int i) {
        i = skipBlanks(b, i);
        int start = i;
        long v = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i] - '0');
            if (v > Integer.MAX_VALUE) throw new IllegalArgumentException("number too large at byte " + start);
            i++;
        }
        if (i == start) throw new IllegalArgumentException("expected a number at byte " + start);
        return (v << 32) | i;
    }

    /** The offset of the closing quote of the string whose first character is at {@code i}. */
    static int stringEnd(byte[] b, int i) {
        while (i < b.length) {
            if (b[i] == '\\') {
                i += 2;
                continue;
            }
            if (b[i] == '"') return i;
            i++;
        }
        throw new IllegalArgumentException("a string does not end");
    }

    /** The offset after the array or object that opens at {@code i}, brackets matched and strings stepped over. */
    static int afterMatching(byte[] b, int i) {
        if (i >= b.length || (b[i] != '[' && b[i] != '{')) throw new IllegalArgumentException("expected '[' at byte " + i);
        int depth = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                i = stringEnd(b, i + 1) + 1;
                continue;
            }
            if (c == '[' || c == '{') depth++;
            else if ((c == ']' || c == '}') && --depth == 0) return i + 1;
            i++;
        }
        throw new IllegalArgumentException("an array does not end");
    }
}
