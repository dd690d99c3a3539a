package dev.fitcheck.manifest;

import java.util.Locale;

/** PEP 503 name normalisation, as packaging's canonicalize_name: lower case, runs of {@code -_.} become one {@code -}. */
public final class PackageName {

    private PackageName() {
    }

    /** {@code Flash_Attn} and {@code flash.attn} both give {@code flash-attn}. */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.';
            if (!separator) {
                b.append(c);
            } else if (b.length() == 0 || b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
