package dev.fitcheck.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fitcheck.report.chart.ReleaseTimeline.ModelSpan;
import dev.fitcheck.report.chart.ReleaseTimeline.PackageTrack;
import dev.fitcheck.report.chart.ReleaseTimeline.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ReleaseTimelineChartTest {

    private static final List<String> RELEASES = VidiChartInputs.transformersReleases();

    private static int index(String release) {
        return VidiChartInputs.index(RELEASES, release);
    }

    @Test
    void the_release_list_is_the_real_one_from_4_30_0_to_5_x() {
        assertThat(RELEASES).hasSize(136).startsWith("4.30.0", "4.30.1").endsWith("5.24.0")
                .contains("4.44.2", "4.47.0", "4.48.0", "4.50.0", "5.0.0").doesNotContain("4.46.0", "4.57.0");
    }

    @Test
    void the_vidi_timeline_has_a_title_a_description_and_every_label() {
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        assertThat(svg.root.getLocalName()).isEqualTo("svg");
        assertThat(svg.root.getAttribute("role")).isEqualTo("img");
        String title = svg.all("title").get(0).getAttribute("id");
        String desc = svg.all("desc").get(0).getAttribute("id");
        assertThat(title).startsWith("fc-timeline-").endsWith("-title");
        assertThat(svg.root.getAttribute("aria-labelledby")).isEqualTo(title + " " + desc);
        assertThat(svg.root.getAttribute("viewBox")).startsWith("0 0 1100 ");
        assertThat(ParsedSvg.text(svg.all("title").get(0))).isEqualTo("Release timeline: transformers");
        assertThat(ParsedSvg.text(svg.all("desc").get(0))).isEqualTo(
                "transformers: 136 catalogued releases, 4.30.0 to 5.24.0. "
                        + "vidi-7b pins ==4.44.2; its code runs on 4.30.0 to 4.47.1 (MistralFlashAttention2 <4.48.0). "
                        + "vidi-9b pins ==4.50.0; its code runs on 4.47.0 to 4.57.6 (FlashAttentionKwargs \u22654.47.0, HybridCache <5.0.0). "
                        + "No release is shared by every model.");
        assertThat(svg.texts()).contains("transformers", "vidi-7b", "vidi-9b", "pins", "code", "==4.44.2", "==4.50.0",
                "MistralFlashAttention2 <4.48.0", "FlashAttentionKwargs \u22654.47.0", "HybridCache <5.0.0", "no shared release");
        assertThat(svg.withClass("rect", "fc-declared")).hasSize(2);
        assertThat(svg.withClass("rect", "fc-inferred")).hasSize(2);
        assertThat(svg.withClass("rect", "fc-shared")).isEmpty();
        assertThat(svg.withClass("text", "fc-no-shared")).hasSize(1);
    }

    @Test
    void bars_cover_exactly_their_releases_on_the_axis() {
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        Element axis = svg.withClass("g", "fc-axis").get(0);
        Element line = (Element) axis.getElementsByTagNameNS(ParsedSvg.NS, "line").item(0);
        double left = ParsedSvg.num(line, "x1");
        double slot = (ParsedSvg.num(line, "x2") - left) / RELEASES.size();

        List<Element> inferred = svg.withClass("rect", "fc-inferred");
        Element vidi7b = inferred.get(0);
        Element vidi9b = inferred.get(1);
        assertThat(ParsedSvg.num(vidi7b, "x")).isCloseTo(left, within(0.01));
        assertThat(ParsedSvg.num(vidi7b, "x") + ParsedSvg.num(vidi7b, "width")).isCloseTo(left + index("4.48.0") * slot, within(0.02));
        assertThat(ParsedSvg.num(vidi9b, "x")).isCloseTo(left + index("4.47.0") * slot, within(0.01));
        assertThat(ParsedSvg.num(vidi9b, "x") + ParsedSvg.num(vidi9b, "width")).isCloseTo(left + index("5.0.0") * slot, within(0.02));
        // A one-release pin is at least 4 px wide and centred on its release's slot.
        Element pin = svg.withClass("rect", "fc-declared").get(0);
        assertThat(ParsedSvg.num(pin, "width")).isGreaterThanOrEqualTo(4);
        assertThat(ParsedSvg.num(pin, "x") + ParsedSvg.num(pin, "width") / 2).isCloseTo(left + (index("4.44.2") + 0.5) * slot, within(0.02));
    }

    @Test
    void tick_labels_never_overlap_and_stay_in_the_picture() {
        for (ReleaseTimeline t : List.of(VidiChartInputs.timeline(), VidiChartInputs.timelineWithSharedWindow(), CrowdedChartInputs.timeline())) {
            ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(t));
            for (Element axis : svg.withClass("g", "fc-axis")) {
                List<double[]> extents = new ArrayList<>();
                for (Element e : svg.withClass("text", "fc-tick-label")) {
                    if (e.getParentNode() == axis) extents.add(ParsedSvg.extent(e));
                }
                assertThat(extents.size()).as("labelled releases").isGreaterThanOrEqualTo(2);
                extents.sort(Comparator.comparingDouble(e -> e[0]));
                for (int i = 0; i < extents.size(); i++) {
                    assertThat(extents.get(i)[0]).isGreaterThanOrEqualTo(0);
                    assertThat(extents.get(i)[1]).isLessThanOrEqualTo(1100);
                    if (i > 0) {
                        assertThat(extents.get(i)[0]).as("label %d starts after label %d ends", i, i - 1)
                                .isGreaterThanOrEqualTo(extents.get(i - 1)[1] + ReleaseTicks.GAP - 0.01);
                    }
                }
            }
        }
    }

    @Test
    void the_axis_names_both_ends_and_the_bounds_that_matter() {
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        List<String> ticks = svg.withClass("text", "fc-tick-label").stream().map(ParsedSvg::text).toList();
        assertThat(ticks).startsWith("4.30.0").endsWith("5.24.0").contains("5.0.0");
        // 4.47.0 (where vidi-9b's code range starts) and 4.48.0 (where vidi-7b's ends) are one label apart: one of them is named.
        assertThat(ticks).containsAnyOf("4.47.0", "4.48.0");
        assertThat(ticks.size()).isBetween(10, 30);
    }

    @Test
    void bar_labels_overlap_neither_each_other_nor_a_bar_and_stay_in_the_picture() {
        for (ReleaseTimeline t : List.of(VidiChartInputs.timeline(), VidiChartInputs.timelineWithSharedWindow(), CrowdedChartInputs.timeline())) {
            ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(t));
            List<Element> bars = new ArrayList<>(svg.withClass("rect", "fc-declared"));
            bars.addAll(svg.withClass("rect", "fc-inferred"));
            List<Element> labels = svg.withClass("text", "fc-bar-label");
            for (Element label : labels) {
                double[] e = ParsedSvg.extent(label);
                double y = ParsedSvg.num(label, "y");
                assertThat(e[0]).isGreaterThanOrEqualTo(0);
                assertThat(e[1]).isLessThanOrEqualTo(1100 - ReleaseTimelineChart.MARGIN + 0.01);
                for (Element other : labels) {
                    if (other == label || ParsedSvg.num(other, "y") != y) continue;
                    double[] o = ParsedSvg.extent(other);
                    assertThat(e[1] <= o[0] || o[1] <= e[0]).as("%s and %s overlap", ParsedSvg.text(label), ParsedSvg.text(other)).isTrue();
                }
                for (Element bar : bars) {
                    double top = ParsedSvg.num(bar, "y");
                    if (y < top || y > top + ReleaseTimelineChart.LINE) continue;
                    double x0 = ParsedSvg.num(bar, "x");
                    double x1 = x0 + ParsedSvg.num(bar, "width");
                    boolean outside = e[1] <= x0 || e[0] >= x1;
                    boolean inside = e[0] >= x0 && e[1] <= x1;
                    assertThat(outside || inside).as("%s straddles a bar's end", ParsedSvg.text(label)).isTrue();
                }
            }
        }
    }

    @Test
    void a_shared_window_is_a_band_over_its_releases_with_its_range_in_the_header() {
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timelineWithSharedWindow()));
        Element axis = (Element) svg.withClass("g", "fc-axis").get(0).getElementsByTagNameNS(ParsedSvg.NS, "line").item(0);
        double left = ParsedSvg.num(axis, "x1");
        double slot = (ParsedSvg.num(axis, "x2") - left) / RELEASES.size();
        List<Element> band = svg.withClass("rect", "fc-shared");
        assertThat(band).hasSize(1);
        assertThat(ParsedSvg.num(band.get(0), "x")).isCloseTo(left + index("4.47.0") * slot, within(0.01));
        assertThat(ParsedSvg.num(band.get(0), "width")).isCloseTo(2 * slot, within(0.02));
        // The band spans every model's rows.
        for (Element bar : svg.withClass("rect", "fc-inferred")) {
            assertThat(ParsedSvg.num(band.get(0), "y")).isLessThan(ParsedSvg.num(bar, "y"));
            assertThat(ParsedSvg.num(band.get(0), "y") + ParsedSvg.num(band.get(0), "height"))
                    .isGreaterThan(ParsedSvg.num(bar, "y") + ReleaseTimelineChart.BAR);
        }
        assertThat(svg.texts()).contains("shared window: 4.47.0 \u2013 4.47.1 (2 releases)").doesNotContain("no shared release");
    }

    @Test
    void text_is_escaped_and_reads_back_unchanged() {
        List<String> releases = List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0");
        PackageTrack p = new PackageTrack("x&y<z>", releases, List.of(
                new ModelSpan("a<b&c>\"'", Optional.of(Span.of(1)), Optional.of(new Span(1, 2)), Optional.of("Foo<T>"),
                        Optional.of("Bar&Baz"), Optional.of("pins <2 & \"quoted\""))), Optional.empty());
        String raw = ReleaseTimelineChart.svg(new ReleaseTimeline(List.of(p)));
        assertThat(raw).contains("a&lt;b&amp;c&gt;&quot;&#39;").contains("x&amp;y&lt;z&gt;").doesNotContain("a<b&c>");
        ParsedSvg svg = ParsedSvg.parse(raw);
        assertThat(svg.texts()).contains("a<b&c>\"'", "x&y<z>", "Foo<T> \u22651.1.0", "Bar&Baz <2.0.0", "pins <2 & \"quoted\"");
        assertThat(ParsedSvg.text(svg.all("title").get(0))).isEqualTo("Release timeline: x&y<z>");
    }

    @Test
    void a_pin_outside_the_catalogue_shows_its_note_where_the_bar_would_be() {
        PackageTrack p = new PackageTrack("accelerate", List.of("0.30.0", "0.31.0", "0.32.0", "0.33.0", "0.34.0"), List.of(
                new ModelSpan("vidi-7b", Optional.empty(), Optional.of(new Span(0, 4)), Optional.empty(), Optional.empty(),
                        Optional.of("==0.29.9 is not a catalogued release")),
                new ModelSpan("vidi-9b", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())), Optional.empty());
        ReleaseTimeline t = new ReleaseTimeline(List.of(p));
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(t));
        assertThat(svg.withClass("rect", "fc-declared")).isEmpty();
        assertThat(svg.withClass("text", "fc-note").stream().map(ParsedSvg::text))
                .containsExactly("==0.29.9 is not a catalogued release", "not declared", "no range inferred from the code");
        assertThat(ReleaseTimelineChart.describe(t)).contains("vidi-7b ==0.29.9 is not a catalogued release; its code runs on 0.30.0 to 0.34.0.")
                .contains("vidi-9b declares nothing; its code has no inferred range.");
    }

    @Test
    void the_picture_grows_with_packages_and_rows_and_holds_all_its_text() {
        ParsedSvg one = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        ParsedSvg two = ParsedSvg.parse(ReleaseTimelineChart.svg(CrowdedChartInputs.timeline()));
        double h1 = ParsedSvg.num(one.root, "height");
        double h2 = ParsedSvg.num(two.root, "height");
        assertThat(h2).isGreaterThan(h1 * 1.5);
        for (ParsedSvg svg : List.of(one, two)) {
            double h = ParsedSvg.num(svg.root, "height");
            assertThat(svg.root.getAttribute("viewBox")).isEqualTo("0 0 1100 " + Svg.n(h));
            for (Element text : svg.all("text")) {
                assertThat(ParsedSvg.num(text, "y")).isBetween(10.0, h - 4);
            }
        }
        assertThat(two.withClass("g", "fc-package")).hasSize(2);
        assertThat(two.withClass("g", "fc-axis")).hasSize(2);
    }

    @Test
    void a_long_model_name_is_shortened_with_the_full_name_as_its_tooltip() {
        String name = "a-model-with-a-name-far-longer-than-the-gutter-has-room-for-at-all";
        PackageTrack p = new PackageTrack("p", List.of("1.0", "2.0"), List.of(
                new ModelSpan(name, Optional.of(Span.of(0)), Optional.empty(), Optional.empty(), Optional.empty())), Optional.empty());
        ParsedSvg svg = ParsedSvg.parse(ReleaseTimelineChart.svg(new ReleaseTimeline(List.of(p))));
        Element shown = svg.all("text").stream().filter(e -> ParsedSvg.text(e).startsWith("a-model")).findFirst().orElseThrow();
        assertThat(ParsedSvg.text(shown)).endsWith("\u2026").hasSizeLessThan(name.length());
        assertThat(ParsedSvg.extent(shown)[1]).isLessThanOrEqualTo(ReleaseTimelineChart.MARGIN + 6 + ReleaseTimelineChart.MAX_NAME + 0.01);
        assertThat(ParsedSvg.text((Element) shown.getElementsByTagNameNS(ParsedSvg.NS, "title").item(0))).isEqualTo(name);
    }

    @Test
    void numbers_do_not_follow_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = ReleaseTimelineChart.svg(VidiChartInputs.timeline());
            Locale.setDefault(Locale.GERMANY);
            assertThat(ReleaseTimelineChart.svg(VidiChartInputs.timeline())).isEqualTo(root);
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(ReleaseTimelineChart.svg(VidiChartInputs.timeline())).isEqualTo(root);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void a_span_covers_the_releases_a_range_accepts() {
        // vidi-9b's code range: from FlashAttentionKwargs (4.47.0) to before HybridCache's removal (5.0.0).
        java.util.function.Predicate<String> code = r -> compare(r, "4.47.0") >= 0 && compare(r, "5.0.0") < 0;
        Span span = Span.covering(RELEASES, code).orElseThrow();
        assertThat(span).isEqualTo(new Span(index("4.47.0"), index("4.57.6")));
        assertThat(span.isExact(RELEASES, code)).isTrue();
        assertThat(Span.covering(RELEASES, r -> r.equals("4.44.2"))).contains(Span.of(index("4.44.2")));
        assertThat(Span.covering(RELEASES, r -> r.equals("4.99.0"))).isEmpty();
        java.util.function.Predicate<String> gap = r -> r.equals("4.44.2") || r.equals("4.50.0");
        assertThat(Span.covering(RELEASES, gap).orElseThrow().isExact(RELEASES, gap)).isFalse();
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) return c;
        }
        return 0;
    }

    @Test
    void spans_beyond_the_release_list_are_refused() {
        assertThatThrownBy(() -> new PackageTrack("p", List.of("1.0", "2.0"), List.of(
                new ModelSpan("m", Optional.of(new Span(1, 2)), Optional.empty(), Optional.empty(), Optional.empty())), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared span");
        assertThatThrownBy(() -> new Span(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PackageTrack("p", List.of(), List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_different_charts_on_one_page_have_different_ids() {
        String a = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timeline())).root.getAttribute("aria-labelledby");
        String b = ParsedSvg.parse(ReleaseTimelineChart.svg(VidiChartInputs.timelineWithSharedWindow())).root.getAttribute("aria-labelledby");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void the_report_block_carries_the_svg_and_the_description() {
        var block = ReleaseTimelineChart.block(VidiChartInputs.timeline());
        assertThat(block.title()).isEqualTo("Release timeline: transformers");
        assertThat(block.svg()).isEqualTo(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        assertThat(block.alt()).isEqualTo(ReleaseTimelineChart.describe(VidiChartInputs.timeline()));
    }

}
