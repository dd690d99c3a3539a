package dev.fitcheck.report.chart;

import static dev.fitcheck.report.chart.VidiChartInputs.GIB;
import static dev.fitcheck.report.chart.VidiChartInputs.gib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fitcheck.report.chart.MemoryBars.Configuration;
import dev.fitcheck.report.chart.MemoryBars.Segment;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class MemoryBarsChartTest {

    @Test
    void the_vidi_bars_have_a_title_a_description_and_every_figure() {
        ParsedSvg svg = ParsedSvg.parse(MemoryBarsChart.svg(VidiChartInputs.memory()));
        assertThat(svg.root.getAttribute("role")).isEqualTo("img");
        String title = svg.all("title").get(0).getAttribute("id");
        String desc = svg.all("desc").get(0).getAttribute("id");
        assertThat(title).startsWith("fc-memory-").endsWith("-title");
        assertThat(svg.root.getAttribute("aria-labelledby")).isEqualTo(title + " " + desc);
        assertThat(svg.root.getAttribute("viewBox")).startsWith("0 0 1100 ");
        assertThat(ParsedSvg.text(svg.all("title").get(0))).isEqualTo("GPU memory: NVIDIA GeForce RTX 4090, 24.0 GiB");
        assertThat(ParsedSvg.text(svg.all("desc").get(0))).isEqualTo(
                "NVIDIA GeForce RTX 4090: 24.0 GiB. In use now: cosyvoice 3.8 GiB, comfyui 0.4 GiB; free 19.8 GiB."
                        + " vidi-9b full precision (bf16) needs 24.7 GiB: no fit, 0.7 GiB over capacity."
                        + " vidi-9b 8-bit (LLM.int8) needs 15.9 GiB: fits now, 3.9 GiB spare."
                        + " vidi-9b 4-bit (nf4) needs 11.6 GiB: fits now, 8.2 GiB spare."
                        + " vidi-9b 4-bit, towers in fp16 needs 13.2 GiB: fits now, 6.6 GiB spare.");
        assertThat(svg.texts()).contains("NVIDIA GeForce RTX 4090", "capacity 24.0 GiB", "free now 19.8 GiB",
                "cosyvoice 3.8 GiB", "comfyui 0.4 GiB", "free 19.8 GiB", "4.2 GiB in use, 19.8 GiB free",
                "24.7 GiB", "15.9 GiB", "11.6 GiB", "13.2 GiB",
                "no fit, 0.7 GiB over capacity", "fits now, 3.9 GiB spare", "fits now, 8.2 GiB spare", "fits now, 6.6 GiB spare",
                "0", "4", "8", "12", "16", "20", "24", "GiB");
        assertThat(svg.withClass("rect", "fc-service")).hasSize(2);
        assertThat(svg.withClass("rect", "fc-free")).hasSize(1);
        assertThat(svg.withClass("rect", "fc-need")).hasSize(4);
        assertThat(svg.withClass("rect", "fc-no-fit")).hasSize(1);
        assertThat(svg.withClass("rect", "fc-fits")).hasSize(3);
        assertThat(svg.withClass("text", "fc-verdict").stream().map(e -> e.getAttribute("class")))
                .containsExactly("fc-verdict fc-no-fit", "fc-verdict fc-fits", "fc-verdict fc-fits", "fc-verdict fc-fits");
    }

    @Test
    void lengths_are_to_scale_and_the_services_stack_up_to_the_free_part() {
        MemoryBars bars = VidiChartInputs.memory();
        ParsedSvg svg = ParsedSvg.parse(MemoryBarsChart.svg(bars));
        Element capacity = svg.withClass("line", "fc-capacity").get(0);
        Element freeLine = svg.withClass("line", "fc-free-line").get(0);
        List<Element> services = svg.withClass("rect", "fc-service");
        Element free = svg.withClass("rect", "fc-free").get(0);
        double zero = ParsedSvg.num(services.get(0), "x");
        double capX = ParsedSvg.num(capacity, "x1");
        double perByte = (capX - zero) / bars.capacityBytes();

        assertThat(ParsedSvg.num(services.get(0), "width")).isCloseTo(gib(3.8) * perByte, within(0.02));
        assertThat(ParsedSvg.num(services.get(1), "x")).isCloseTo(ParsedSvg.num(services.get(0), "x") + ParsedSvg.num(services.get(0), "width"), within(0.02));
        assertThat(ParsedSvg.num(services.get(1), "width")).isCloseTo(gib(0.4) * perByte, within(0.02));
        assertThat(ParsedSvg.num(free, "x")).isCloseTo(ParsedSvg.num(services.get(1), "x") + ParsedSvg.num(services.get(1), "width"), within(0.02));
        assertThat(ParsedSvg.num(free, "x") + ParsedSvg.num(free, "width")).isCloseTo(capX, within(0.02));
        assertThat(ParsedSvg.num(freeLine, "x1")).isCloseTo(zero + bars.freeBytes() * perByte, within(0.02));

        List<Element> needs = svg.withClass("rect", "fc-need");
        for (int i = 0; i < needs.size(); i++) {
            assertThat(ParsedSvg.num(needs.get(i), "x")).isCloseTo(zero, within(0.01));
            assertThat(ParsedSvg.num(needs.get(i), "width")).isCloseTo(bars.configurations().get(i).needBytes() * perByte, within(0.02));
        }
        // 24.7 GiB runs past the capacity line; 15.9 GiB stops short of the free line.
        assertThat(ParsedSvg.num(needs.get(0), "width") + zero).isGreaterThan(capX);
        assertThat(ParsedSvg.num(needs.get(1), "width") + zero).isLessThan(ParsedSvg.num(freeLine, "x1"));
    }

    @Test
    void no_text_leaves_the_picture_or_overlaps_text_on_its_line() {
        for (MemoryBars bars : List.of(VidiChartInputs.memory(), CrowdedChartInputs.memory())) {
            ParsedSvg svg = ParsedSvg.parse(MemoryBarsChart.svg(bars));
            double height = ParsedSvg.num(svg.root, "height");
            List<Element> texts = svg.all("text");
            for (Element t : texts) {
                double[] e = ParsedSvg.extent(t);
                assertThat(e[0]).as(ParsedSvg.text(t)).isGreaterThanOrEqualTo(MemoryBarsChart.MARGIN - 0.01);
                assertThat(e[1]).as(ParsedSvg.text(t)).isLessThanOrEqualTo(1100 - MemoryBarsChart.MARGIN + 0.01);
                assertThat(ParsedSvg.num(t, "y")).isBetween(10.0, height - 4);
                for (Element o : texts) {
                    if (o == t || ParsedSvg.num(o, "y") != ParsedSvg.num(t, "y")) continue;
                    double[] f = ParsedSvg.extent(o);
                    assertThat(e[1] <= f[0] || f[1] <= e[0]).as("'%s' and '%s' overlap", ParsedSvg.text(t), ParsedSvg.text(o)).isTrue();
                }
            }
        }
    }

    @Test
    void the_capacity_label_sits_right_of_its_line_and_the_free_label_left_of_its_own() {
        ParsedSvg svg = ParsedSvg.parse(MemoryBarsChart.svg(VidiChartInputs.memory()));
        double capX = ParsedSvg.num(svg.withClass("line", "fc-capacity").get(0), "x1");
        double freeX = ParsedSvg.num(svg.withClass("line", "fc-free-line").get(0), "x1");
        List<Element> labels = svg.withClass("text", "fc-line-label");
        assertThat(ParsedSvg.text(labels.get(0))).isEqualTo("capacity 24.0 GiB");
        assertThat(ParsedSvg.extent(labels.get(0))[0]).isGreaterThan(capX);
        assertThat(ParsedSvg.text(labels.get(1))).isEqualTo("free now 19.8 GiB");
        assertThat(ParsedSvg.extent(labels.get(1))[1]).isLessThan(freeX);
    }

    @Test
    void verdicts_say_by_how_much() {
        MemoryBars bars = new MemoryBars("GPU", 24 * GIB, List.of(new Segment("s", gib(6))), List.of());
        assertThat(MemoryBarsChart.verdict(bars, new Configuration("a", gib(20), false))).isEqualTo("no fit now, 2.0 GiB short");
        assertThat(MemoryBarsChart.verdict(bars, new Configuration("b", gib(25.5), false))).isEqualTo("no fit, 1.5 GiB over capacity");
        assertThat(MemoryBarsChart.verdict(bars, new Configuration("c", gib(17.9), true))).isEqualTo("fits now, 0.1 GiB spare");
        // The planner may keep a margin: a need under the free memory can still be "no fit now".
        assertThat(MemoryBarsChart.verdict(bars, new Configuration("d", gib(17.8), false))).isEqualTo("no fit now");
    }

    @Test
    void names_are_escaped_and_read_back_unchanged() {
        MemoryBars bars = new MemoryBars("GPU <A&B>", 8 * GIB, List.of(new Segment("svc \"x\" & <y>", gib(1))),
                List.of(new Configuration("cfg <1> & 'q'", gib(2), true)));
        String raw = MemoryBarsChart.svg(bars);
        assertThat(raw).contains("GPU &lt;A&amp;B&gt;").contains("svc &quot;x&quot; &amp; &lt;y&gt;").contains("cfg &lt;1&gt; &amp; &#39;q&#39;");
        ParsedSvg svg = ParsedSvg.parse(raw);
        assertThat(svg.texts()).contains("GPU <A&B>", "svc \"x\" & <y> 1.0 GiB", "cfg <1> & 'q'");
    }

    @Test
    void a_gpu_with_no_service_and_no_configuration_still_draws() {
        ParsedSvg svg = ParsedSvg.parse(MemoryBarsChart.svg(new MemoryBars("GPU", 80 * GIB, List.of(), List.of())));
        assertThat(svg.withClass("rect", "fc-service")).isEmpty();
        assertThat(svg.withClass("line", "fc-free-line")).isEmpty();
        assertThat(svg.texts()).contains("free 80.0 GiB", "capacity 80.0 GiB", "0.0 GiB in use, 80.0 GiB free");
    }

    @Test
    void numbers_do_not_follow_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = MemoryBarsChart.svg(VidiChartInputs.memory());
            Locale.setDefault(Locale.GERMANY);
            assertThat(MemoryBarsChart.svg(VidiChartInputs.memory())).isEqualTo(root);
            assertThat(MemoryBarsChart.gib(gib(3.8))).isEqualTo("3.8 GiB");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void bad_figures_are_refused() {
        assertThatThrownBy(() -> new MemoryBars("GPU", 0, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Segment("s", -1)).isInstanceOf(IllegalArgumentException.class);
    }

}
