package dev.fitcheck.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The charts' colours against what they are drawn on, by WCAG 2's contrast ratio: 4.5:1 for text
 * (WCAG 1.4.3), 3:1 for bars, lines and marks (WCAG 1.4.11).
 */
class ColourContrastTest {

    private static final String WHITE = "#ffffff";

    @Test
    void text_colours_reach_4_5_to_1_on_what_they_are_drawn_on() {
        List<String> onWhiteAndZebra = new ArrayList<>(ReleaseTimelineChart.PALETTE);
        onWhiteAndZebra.addAll(List.of(ReleaseTimelineChart.TEXT, ReleaseTimelineChart.MUTED, ReleaseTimelineChart.SHARED,
                ReleaseTimelineChart.NONE, MemoryBarsChart.FIT, MemoryBarsChart.NO_FIT, MemoryBarsChart.MUTED));
        for (String colour : onWhiteAndZebra) {
            assertThat(contrast(colour, WHITE)).as(colour + " on white").isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(colour, ReleaseTimelineChart.ZEBRA)).as(colour + " on the row shade").isGreaterThanOrEqualTo(4.5);
        }
        for (String colour : ReleaseTimelineChart.PALETTE) {
            // Labels inside bars: white on a pin's colour, dark text on a code range's tint.
            assertThat(contrast(WHITE, colour)).as("white on " + colour).isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(ReleaseTimelineChart.TEXT, ReleaseTimelineChart.tint(colour))).as("text on the tint of " + colour)
                    .isGreaterThanOrEqualTo(4.5);
            // Text over the shared band.
            assertThat(contrast(ReleaseTimelineChart.TEXT, ReleaseTimelineChart.SHARED_FILL)).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void bars_and_lines_reach_3_to_1_on_white() {
        List<String> marks = new ArrayList<>(MemoryBarsChart.SERVICE_COLOURS);
        marks.addAll(ReleaseTimelineChart.PALETTE);
        marks.addAll(List.of(MemoryBarsChart.FIT, MemoryBarsChart.NO_FIT, MemoryBarsChart.TEXT, ReleaseTimelineChart.SHARED));
        for (String colour : marks) {
            assertThat(contrast(colour, WHITE)).as(colour).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void the_ratio_is_computed_as_wcag_defines_it() {
        assertThat(contrast("#000000", WHITE)).isEqualTo(21.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(contrast("#777777", WHITE)).isEqualTo(4.48, org.assertj.core.api.Assertions.within(0.01));
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
