package dev.fitcheck.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fitcheck.report.document.HtmlRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportScreenshotTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReportScreenshot.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_clean_page_gets_a_1280_px_screenshot() throws Exception {
        assumeTrue(HeadlessChromium.findBinary().isPresent(), "no chromium on PATH");
        Path html = dir.resolve("report.html");
        Files.writeString(html, new HtmlRenderer().render(ReportInBrowserTest.page()));
        assertThat(run(html.toString(), dir.resolve("report.png").toString())).as(err.toString()).isZero();
        byte[] png = Files.readAllBytes(dir.resolve("report.png"));
        assertThat(ReportInBrowserTest.pngSize(png)[0]).isEqualTo(1280);
        assertThat(out.toString()).contains("wrote").contains("1280 px wide");
    }

    @Test
    void a_page_that_fails_a_check_leaves_the_old_screenshot_alone() throws Exception {
        assumeTrue(HeadlessChromium.findBinary().isPresent(), "no chromium on PATH");
        Path html = dir.resolve("report.html");
        Files.writeString(html, "<!DOCTYPE html><html><head><title>x</title></head><body>"
                + "<link rel=\"stylesheet\" href=\"https://fitcheck.invalid/x.css\"></body></html>");
        Path png = dir.resolve("report.png");
        Files.writeString(png, "the previous screenshot");
        assertThat(run(html.toString(), png.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("request: https://fitcheck.invalid/x.css").contains("is unchanged");
        assertThat(Files.readString(png)).isEqualTo("the previous screenshot");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "report.png");
        }
    }

    @Test
    void bad_arguments_are_refused_before_a_browser_starts() {
        assertThat(run("only-one")).isEqualTo(2);
        assertThat(run(dir.resolve("missing.html").toString(), dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("usage: report-screenshot HTML PNG [WIDTH]").contains("no file");
    }
}
