package dev.fitcheck.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fitcheck.report.chart.CrowdedChartInputs;
import dev.fitcheck.report.chart.MemoryBarsChart;
import dev.fitcheck.report.chart.ReleaseTimelineChart;
import dev.fitcheck.report.chart.VidiChartInputs;
import dev.fitcheck.report.document.Block;
import dev.fitcheck.report.document.Document;
import dev.fitcheck.report.document.HtmlRenderer;
import dev.fitcheck.report.document.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report's page, with both charts and a table, in a real headless Chromium: it must
 * render with no console error or warning, no exception and no request, its drawings' text must
 * neither overlap nor leave the drawing as the browser really lays it out, and a 1280 px wide
 * screenshot is kept in target/browser/ to be looked at. Skipped where no chromium is on PATH
 * (./test installs Debian's).
 */
class ReportInBrowserTest {

    private static final Path OUT = Path.of("target/browser");
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        Optional<Path> binary = HeadlessChromium.findBinary();
        assumeTrue(binary.isPresent(), "no chromium on PATH; ./test installs Debian's chromium");
        chromium = binary.get();
    }

    static Document page() {
        return Document.builder("Vidi 7B vs 9B <charts>")
                .heading(2, "Dependency conflicts")
                .paragraph(Text.builder().plain("The models cannot share ").code("transformers").plain(": ")
                        .code("MistralFlashAttention2").plain(" is gone in 4.48.0 & vidi-9b pins 4.50.0.").build())
                .add(new Block.Table(List.of(Text.plain("Package"), Text.plain("vidi-7b"), Text.plain("vidi-9b"), Text.plain("Verdict")),
                        List.of(List.of(Text.code("transformers"), Text.plain("==4.44.2; code <4.48.0"),
                                        Text.plain("==4.50.0; code >=4.47.0, <5.0.0"), Text.strong("conflict")),
                                List.of(Text.code("accelerate"), Text.plain("==0.33.0"), Text.plain("-"), Text.plain("shared: 0.33.0"))),
                        List.of(false, false, false, false)))
                .add(ReleaseTimelineChart.block(VidiChartInputs.timeline()))
                .heading(2, "Memory analysis")
                .add(MemoryBarsChart.block(VidiChartInputs.memory()))
                .heading(3, "If the code ranges alone were shared")
                .add(ReleaseTimelineChart.block(VidiChartInputs.timelineWithSharedWindow()))
                .build();
    }

    @Test
    void the_report_page_renders_with_no_errors_no_requests_and_legible_charts() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("report-charts.html");
        Files.writeString(html, new HtmlRenderer().render(page()));
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            LoadedPage page = browser.load(html, 1280);
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
            assertThat(page.consoleWarnings()).as("console warnings").isEmpty();
            assertThat(page.exceptions()).as("exceptions").isEmpty();
            assertThat(page.requests()).as("requests other than the page itself").isEmpty();

            assertThat(page.evaluate("document.querySelectorAll('svg').length").asInt()).isEqualTo(3);
            assertThat(page.evaluate("document.documentElement.scrollWidth").asInt()).as("no sideways scrolling").isLessThanOrEqualTo(1280);
            // At 1280 px the charts are drawn at (about) their own size, so 12 px labels stay 12 px.
            page.evaluate("Array.from(document.querySelectorAll('svg')).map(s => s.getBoundingClientRect().width)")
                    .forEach(w -> assertThat(w.asDouble()).isBetween(1050.0, 1180.0));
            assertThat(page.svgTextProblems()).as("SVG text that overlaps or is cut off").isEmpty();

            byte[] png = page.screenshot();
            Files.write(OUT.resolve("report-charts.png"), png);
            assertThat(pngSize(png)[0]).isEqualTo(1280);
            assertThat(pngSize(png)[1]).isGreaterThan(900);
        }
    }

    /** The committed report of the bundled example (kept current by CommittedReportsTest), as a reader opens it. */
    @Test
    void the_committed_vidi_report_renders_clean_in_a_real_browser() throws Exception {
        Path html = Path.of(System.getProperty("fitcheck.repo", "..")).resolve("reports/vidi/report.html").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            LoadedPage page = browser.load(html, 1280);
            assertThat(page.consoleErrors()).as("console errors").isEmpty();
            assertThat(page.exceptions()).as("exceptions").isEmpty();
            assertThat(page.requests()).as("requests other than the page itself").isEmpty();
            assertThat(page.evaluate("document.querySelectorAll('svg').length").asInt()).as("timeline and memory bars")
                    .isEqualTo(2);
            assertThat(page.svgTextProblems()).as("SVG text that overlaps or is cut off").isEmpty();
            assertThat(pngSize(page.screenshot())[0]).isEqualTo(1280);
        }
    }

    @Test
    void crowded_charts_keep_their_text_apart_as_the_browser_lays_it_out() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("crowded-charts.html");
        Files.writeString(html, new HtmlRenderer().render(Document.builder("Crowded charts")
                .add(ReleaseTimelineChart.block(CrowdedChartInputs.timeline()))
                .add(MemoryBarsChart.block(CrowdedChartInputs.memory()))
                .build()));
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            LoadedPage page = browser.load(html, 1280);
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.svgTextProblems()).as("SVG text that overlaps or is cut off").isEmpty();
            Files.write(OUT.resolve("crowded-charts.png"), page.screenshot());
        }
    }

    @Test
    void the_check_sees_console_errors_exceptions_requests_and_overlapping_text() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("bad-page.html");
        Files.writeString(html, """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>
                <img src="http://fitcheck.invalid/pixel.png" alt="">
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200" height="50">
                  <text x="10" y="20" font-size="14">first label</text><text x="30" y="22" font-size="14">second</text>
                  <text x="170" y="40" font-size="14">cut off</text>
                </svg>
                <script>console.error("broken", 42); console.warn("careful"); throw new Error("boom");</script>
                </body></html>
                """);
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            LoadedPage page = browser.load(html, 1280);
            assertThat(page.consoleErrors()).anyMatch(m -> m.contains("console.error: broken 42"));
            assertThat(page.consoleWarnings()).anyMatch(m -> m.contains("careful"));
            assertThat(page.exceptions()).anyMatch(m -> m.contains("Error: boom"));
            assertThat(page.requests()).containsExactly("http://fitcheck.invalid/pixel.png");
            assertThat(page.svgTextProblems()).containsExactlyInAnyOrder(
                    "svg 0: \"first label\" overlaps \"second\"", "svg 0: \"cut off\" leaves the drawing");
        }
    }

    /** Width and height from a PNG's IHDR chunk. */
    static int[] pngSize(byte[] png) throws IOException {
        if (png.length < 24 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') throw new IOException("not a PNG");
        ByteBuffer b = ByteBuffer.wrap(png);
        return new int[] {b.getInt(16), b.getInt(20)};
    }
}
