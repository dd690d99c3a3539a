package dev.fitcheck.manifest;

/**
 * The value of a quoted marker string, as Python's {@code ast.literal_eval} gives it: backslash
 * escapes are decoded, unknown ones keep their backslash.
 */
final class PythonStringLiteral {

    private PythonStringLiteral() {
    }

    /** The decoded text between the quotes, or null when an escape is malformed ({@code \x4}). */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                b.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case '\\', '\'', '"' -> b.append(e);
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case '\n' -> { }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + 1 + digits > raw.length()) {
                        return null;
                    }
                    String hex = raw.substring(i + 1, i + 1 + digits);
                    if (!hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        return null;
                    }
                    long codePoint = Long.parseLong(hex, 16);
                    if (codePoint > Character.MAX_CODE_POINT) {
                        return null;
                    }
                    b.appendCodePoint((int) codePoint);
                    i += digits;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        b.append((char) Integer.parseInt(raw.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        b.append('\\').append(e);
                    }
                }
            }
        }
        return b.toString();
    }
}
