package dev.fitcheck.report.chart;

import java.util.Locale;

/**
 * Writes SVG markup: one element a line, attributes escaped, numbers in a fixed format that does
 * not depend on the default locale, so that the same input always gives the same bytes.
 */
final class Svg {

    static final String SANS = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";
    static final String MONO = "'DejaVu Sans Mono', Menlo, Consolas, monospace";

    private final StringBuilder out = new StringBuilder(16_384);
    private int depth;

    Svg open(String tag, String... attributes) {
        start(tag, attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    Svg close(String tag) {
        depth--;
        indent();
        out.append("</").append(tag).append(">\n");
        return this;
    }

    Svg leaf(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding only text, e.g. {@code <text>} or {@code <title>}. */
    Svg text(String tag, String content, String... attributes) {
        start(tag, attributes);
        out.append('>').append(escape(content)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A text element with a tooltip: the full string when the drawn one had to be shortened. */
    Svg textWithTitle(String content, String title, String... attributes) {
        start("text", attributes);
        out.append("><title>").append(escape(title)).append("</title>").append(escape(content)).append("</text>\n");
        return this;
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs: " + String.join(",", attributes));
        }
        indent();
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    private void indent() {
        out.append("  ".repeat(Math.max(0, depth)));
    }

    @Override
    public String toString() {
        if (depth != 0) throw new IllegalStateException("unclosed elements: " + depth);
        return out.toString();
    }

    /** A coordinate with at most two decimals and no trailing zeros: 12, 12.5, 12.25. */
    static String n(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) return "0";
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long whole = abs / 100;
        long frac = abs % 100;
        if (frac == 0) return sign + whole;
        if (frac % 10 == 0) return sign + whole + "." + frac / 10;
        return sign + whole + "." + String.format(Locale.ROOT, "%02d", frac);
    }

    /** Escapes text and attribute values; characters XML 1.0 forbids become U+FFFD so the SVG stays well-formed. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
