package dev.fitcheck.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void coordinates_have_at_most_two_decimals_and_no_trailing_zeros() {
        assertThat(Svg.n(12)).isEqualTo("12");
        assertThat(Svg.n(12.5)).isEqualTo("12.5");
        assertThat(Svg.n(12.25)).isEqualTo("12.25");
        assertThat(Svg.n(12.005)).isEqualTo("12.01");
        assertThat(Svg.n(0.04)).isEqualTo("0.04");
        assertThat(Svg.n(-0.001)).isEqualTo("0");
        assertThat(Svg.n(-3.5)).isEqualTo("-3.5");
        assertThat(Svg.n(1100)).isEqualTo("1100");
    }

    @Test
    void text_and_attributes_are_escaped_and_forbidden_characters_replaced() {
        String svg = new Svg().open("svg", "xmlns", ParsedSvg.NS, "data-x", "a\"b<c>&'")
                .text("text", "1 < 2 & 3 > 2 \u0001 \ud83d\ude00 \ud800", "x", "0", "y", "10")
                .close("svg").toString();
        assertThat(svg).contains("data-x=\"a&quot;b&lt;c&gt;&amp;&#39;\"")
                .contains("1 &lt; 2 &amp; 3 &gt; 2 \ufffd \ud83d\ude00 \ufffd");
        ParsedSvg parsed = ParsedSvg.parse(svg);
        assertThat(parsed.root.getAttribute("data-x")).isEqualTo("a\"b<c>&'");
        assertThat(parsed.texts()).containsExactly("1 < 2 & 3 > 2 \ufffd \ud83d\ude00 \ufffd");
    }

    @Test
    void unclosed_elements_and_odd_attributes_are_caught() {
        assertThatThrownBy(() -> new Svg().open("svg").toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Svg().leaf("rect", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortened_text_fits_and_ends_with_an_ellipsis() {
        String s = TextWidth.SANS.shorten("a rather long configuration name", 100, 13);
        assertThat(s).endsWith("\u2026");
        assertThat(TextWidth.SANS.of(s, 13)).isLessThanOrEqualTo(100);
        assertThat(TextWidth.SANS.shorten("short", 100, 13)).isEqualTo("short");
        assertThat(TextWidth.MONO.of("4.30.0", 10)).isCloseTo(36.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(TextWidth.BOLD.of("vidi", 13)).isGreaterThan(TextWidth.SANS.of("vidi", 13));
    }

    @Test
    void bar_labels_go_outside_then_to_the_other_side_then_inside_then_below() {
        BarLabels.Wish right = new BarLabels.Wish("abcdefghij", TextWidth.MONO, 10, BarLabels.Side.RIGHT, true, true);
        // Room on the right: outside, right of the bar.
        assertThat(BarLabels.place(100, 200, List.of(right), 0, 400).get(0))
                .satisfies(p -> assertThat(p.left()).isEqualTo(206.0)).satisfies(p -> assertThat(p.line()).isZero());
        // No room on the right: outside, left of the bar.
        assertThat(BarLabels.place(100, 395, List.of(right), 0, 400).get(0).right()).isEqualTo(94.0);
        // No room either side: inside the bar.
        BarLabels.Placed inside = BarLabels.place(2, 398, List.of(right), 0, 400).get(0);
        assertThat(inside.left()).isGreaterThanOrEqualTo(2);
        assertThat(inside.right()).isEqualTo(392.0);
        // A bound's label (it may not flip) at the edge, on a bar too narrow for it: a line below, within the bounds.
        BarLabels.Wish bound = new BarLabels.Wish("abcdefghij", TextWidth.MONO, 10, BarLabels.Side.RIGHT, true, false);
        BarLabels.Placed below = BarLabels.place(390, 400, List.of(bound), 0, 400).get(0);
        assertThat(below.line()).isEqualTo(1);
        assertThat(below.right()).isLessThanOrEqualTo(400);
        // Two labels that cannot share the extra line get one each.
        BarLabels.Wish left = new BarLabels.Wish("klmnopqrst", TextWidth.MONO, 10, BarLabels.Side.LEFT, true, false);
        BarLabels.Wish rightOnly = new BarLabels.Wish("uvwxyzabcd", TextWidth.MONO, 10, BarLabels.Side.RIGHT, true, false);
        List<BarLabels.Placed> both = BarLabels.place(0, 8, List.of(left, rightOnly), 0, 70);
        assertThat(both).extracting(BarLabels.Placed::line).containsExactly(1, 2);
        assertThat(BarLabels.extraLines(both)).isEqualTo(2);
    }

    @Test
    void release_ticks_keep_the_ends_and_never_overlap() {
        List<String> releases = VidiChartInputs.transformersReleases();
        List<ReleaseTicks.Tick> ticks = ReleaseTicks.choose(releases, 200, 6, 16, 1084, java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
        assertThat(ticks.get(0).label()).isEqualTo("4.30.0");
        assertThat(ticks.get(ticks.size() - 1).label()).isEqualTo("5.24.0");
        assertThat(ticks).extracting(ReleaseTicks.Tick::label).contains("5.0.0");
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).left()).isGreaterThanOrEqualTo(ticks.get(i - 1).right() + ReleaseTicks.GAP);
        }
        // Ticks other than the ends start a minor series (x.y.0 or the first release of x.y).
        for (ReleaseTicks.Tick t : ticks.subList(1, ticks.size() - 1)) {
            int i = t.index();
            String[] here = releases.get(i).split("\\.");
            String[] before = releases.get(i - 1).split("\\.");
            assertThat(here[0] + "." + here[1]).isNotEqualTo(before[0] + "." + before[1]);
        }
    }
}
