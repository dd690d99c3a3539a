package dev.fitcheck.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The two charts of the Vidi case, byte for byte. After a deliberate change to the drawing, run
 * with -Dfitcheck.updateGolden=true, look at the new files in a browser, and commit them.
 */
class ChartGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/chart");

    @Test
    void vidi_release_timeline_matches_the_golden_file() throws IOException {
        check("vidi-release-timeline.svg", ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
    }

    @Test
    void vidi_memory_bars_match_the_golden_file() throws IOException {
        check("vidi-memory-bars.svg", MemoryBarsChart.svg(VidiChartInputs.memory()));
    }

    @Test
    void the_same_input_draws_the_same_bytes() {
        assertThat(ReleaseTimelineChart.svg(VidiChartInputs.timeline())).isEqualTo(ReleaseTimelineChart.svg(VidiChartInputs.timeline()));
        assertThat(MemoryBarsChart.svg(VidiChartInputs.memory())).isEqualTo(MemoryBarsChart.svg(VidiChartInputs.memory()));
    }

    private static void check(String name, String svg) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("fitcheck.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        }
        assertThat(svg).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
