package dev.fitcheck.report.chart;

import dev.fitcheck.report.chart.MemoryBars.Configuration;
import dev.fitcheck.report.chart.MemoryBars.Segment;
import dev.fitcheck.report.chart.ReleaseTimeline.ModelSpan;
import dev.fitcheck.report.chart.ReleaseTimeline.PackageTrack;
import dev.fitcheck.report.chart.ReleaseTimeline.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chart inputs that crowd the layout: long names and symbols, bounds at the edges of the axis,
 * many services, a need far over capacity. Public so that the browser check measures them too.
 */
public final class CrowdedChartInputs {

    private CrowdedChartInputs() {
    }

    /** Two packages, a long symbol at the newest release, ranges that start at the oldest: labels must move inside or below. */
    public static ReleaseTimeline timeline() {
        List<String> acc = new ArrayList<>();
        for (int minor = 20; minor <= 34; minor++) {
            acc.add("0." + minor + ".0");
            if (minor % 3 == 0) acc.add("0." + minor + ".1");
        }
        acc.addAll(List.of("1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.3.0"));
        int n = acc.size();
        PackageTrack accelerate = new PackageTrack("accelerate", acc, List.of(
                new ModelSpan("vidi-7b", Optional.of(Span.of(acc.indexOf("0.33.0"))), Optional.of(new Span(0, 3)),
                        Optional.of("Accelerator"), Optional.of("accelerate.utils.modeling.some_long_function_name")),
                new ModelSpan("vidi-9b", Optional.of(new Span(10, n - 1)), Optional.of(new Span(n - 4, n - 1)),
                        Optional.of("init_empty_weights_with_a_long_name"), Optional.of("dispatch_model_and_more_words")),
                new ModelSpan("third", Optional.of(new Span(0, n - 1)), Optional.of(Span.of(n - 1)),
                        Optional.of("LeftSymbol"), Optional.of("RightSymbol"), Optional.of("a note on its own line"))),
                Optional.of(new Span(n - 1, n - 1)));
        return new ReleaseTimeline(List.of(VidiChartInputs.transformers(Optional.empty()), accelerate));
    }

    /** Many services with long names, a need far over capacity, a long configuration name. */
    public static MemoryBars memory() {
        return new MemoryBars("NVIDIA H100 80GB HBM3", 80 * VidiChartInputs.GIB,
                List.of(new Segment("text-to-speech container (CosyVoice)", VidiChartInputs.gib(3.8)), new Segment("image generation UI (ComfyUI)", VidiChartInputs.gib(0.4)),
                        new Segment("vllm serving a 70B model with tensor parallelism", VidiChartInputs.gib(40)), new Segment("jupyter", VidiChartInputs.gib(1.2)),
                        new Segment("another service", VidiChartInputs.gib(2.5))),
                List.of(new Configuration("a 180B model in bf16 with a very long configuration name indeed", VidiChartInputs.gib(360), false),
                        new Configuration("small", VidiChartInputs.gib(0.2), true),
                        new Configuration("tight", VidiChartInputs.gib(31.5), false)));
    }
}
