package dev.fitcheck.report.chart;

/**
 * Estimates how wide a label is drawn, so that the layout can keep labels apart without a font
 * engine. The figures are DejaVu Sans and DejaVu Sans Mono advance widths (in em), the widest of
 * the fonts the charts ask for: with any narrower fallback font the labels only get more room.
 */
enum TextWidth {
    SANS, BOLD, MONO;

    /** Every glyph of a monospaced font: DejaVu Sans Mono, Menlo and Consolas are all about 0.6 em. */
    private static final double MONO_EM = 0.61;

    double of(String s, double fontSize) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            em += this == MONO ? MONO_EM : sansEm(cp);
            i += Character.charCount(cp);
        }
        // Bold DejaVu Sans runs about 10% wider than regular.
        return em * fontSize * (this == BOLD ? 1.1 : 1.0);
    }

    private static double sansEm(int cp) {
        if (cp == ' ') return 0.32;
        if ("il.,:;!|'".indexOf(cp) >= 0) return 0.3;
        if ("jI".indexOf(cp) >= 0) return 0.31;
        if ("ftr()[]-".indexOf(cp) >= 0) return 0.42;
        if ("mMW".indexOf(cp) >= 0) return 0.98;
        if (cp == 'w') return 0.82;
        if (cp >= '0' && cp <= '9') return 0.64;
        if (cp >= 'A' && cp <= 'Z') return 0.75;
        if (cp >= 'a' && cp <= 'z') return 0.63;
        if ("_=<>+~\u2265\u2264".indexOf(cp) >= 0) return 0.84;
        // Anything else (CJK, symbols): a full em is the safe guess.
        return cp < 0x2000 ? 0.7 : 1.0;
    }

    /** The longest prefix of {@code s} that, with an ellipsis, fits {@code maxWidth}; {@code s} itself when it fits. */
    String shorten(String s, double maxWidth, double fontSize) {
        if (of(s, fontSize) <= maxWidth) return s;
        int end = s.length();
        while (end > 0) {
            end = s.offsetByCodePoints(end, -1);
            String candidate = s.substring(0, end) + "\u2026";
            if (of(candidate, fontSize) <= maxWidth) return candidate;
        }
        return "\u2026";
    }
}
