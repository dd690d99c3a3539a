package dev.fitcheck.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of inline text with the little markup reports need: plain, strong, code, and links.
 * Renderers escape each span for their format, so report code never writes markup by hand.
 */
public record Text(List<Span> spans) {

    public Text {
        spans = List.copyOf(spans);
    }

    public enum Style { PLAIN, STRONG, CODE, LINK }

    public record Span(Style style, String text, String href) {
    }

    public static Text plain(String s) {
        return new Builder().plain(s).build();
    }

    public static Text code(String s) {
        return new Builder().code(s).build();
    }

    public static Text strong(String s) {
        return new Builder().strong(s).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text without markup, for widths, alt text and plain terminals. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(s -> s.text().isEmpty());
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String s) {
            spans.add(new Span(Style.PLAIN, s, null));
            return this;
        }

        public Builder strong(String s) {
            spans.add(new Span(Style.STRONG, s, null));
            return this;
        }

        public Builder code(String s) {
            spans.add(new Span(Style.CODE, s, null));
            return this;
        }

        public Builder link(String s, String href) {
            spans.add(new Span(Style.LINK, s, href));
            return this;
        }

        public Builder append(Text t) {
            spans.addAll(t.spans());
            return this;
        }

        public Text build() {
            return new Text(spans);
        }
    }
}
