package dev.fitcheck.report.chart;

import dev.fitcheck.report.chart.ReleaseTimeline.ModelSpan;
import dev.fitcheck.report.chart.ReleaseTimeline.PackageTrack;
import dev.fitcheck.report.chart.ReleaseTimeline.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Chart inputs shaped like the Vidi case: the two models' transformers ranges on the real release
 * list, and the RTX 4090 with its two services and the 9B's four configurations. Public so that
 * the command line's browser check draws the same charts.
 */
public final class VidiChartInputs {

    private VidiChartInputs() {
    }

    public static final long GIB = 1L << 30;

    /** transformers' final releases from 4.30.0 on, oldest first, as PyPI listed them. */
    public static List<String> transformersReleases() {
        try (InputStream in = VidiChartInputs.class.getResourceAsStream("transformers-releases.txt")) {
            if (in == null) throw new IllegalStateException("transformers-releases.txt is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** vidi-7b pins 4.44.2 and its code needs MistralFlashAttention2 (gone in 4.48.0); vidi-9b pins 4.50.0 and needs FlashAttentionKwargs (from 4.47.0) and HybridCache (gone in 5.0.0). */
    public static ReleaseTimeline timeline() {
        return new ReleaseTimeline(List.of(transformers(Optional.empty())));
    }

    /** The same ranges with the code-only window 4.47.0 to 4.47.1 drawn as shared, to see the band. */
    public static ReleaseTimeline timelineWithSharedWindow() {
        List<String> r = transformersReleases();
        return new ReleaseTimeline(List.of(transformers(Optional.of(new Span(index(r, "4.47.0"), index(r, "4.48.0") - 1)))));
    }

    static PackageTrack transformers(Optional<Span> shared) {
        List<String> r = transformersReleases();
        ModelSpan vidi7b = new ModelSpan("vidi-7b", Optional.of(Span.of(index(r, "4.44.2"))),
                Optional.of(new Span(0, index(r, "4.48.0") - 1)), Optional.empty(), Optional.of("MistralFlashAttention2"));
        ModelSpan vidi9b = new ModelSpan("vidi-9b", Optional.of(Span.of(index(r, "4.50.0"))),
                Optional.of(new Span(index(r, "4.47.0"), index(r, "5.0.0") - 1)), Optional.of("FlashAttentionKwargs"),
                Optional.of("HybridCache"));
        return new PackageTrack("transformers", r, List.of(vidi7b, vidi9b), shared);
    }

    /** The RTX 4090 of fixtures/vidi with CosyVoice and ComfyUI running, and what vidi-9b needs for a minute of video. */
    public static MemoryBars memory() {
        return new MemoryBars("NVIDIA GeForce RTX 4090", 24 * GIB,
                List.of(new MemoryBars.Segment("cosyvoice", gib(3.8)), new MemoryBars.Segment("comfyui", gib(0.4))),
                List.of(new MemoryBars.Configuration("vidi-9b full precision (bf16)", gib(24.7), false),
                        new MemoryBars.Configuration("vidi-9b 8-bit (LLM.int8)", gib(15.9), true),
                        new MemoryBars.Configuration("vidi-9b 4-bit (nf4)", gib(11.6), true),
                        new MemoryBars.Configuration("vidi-9b 4-bit, towers in fp16", gib(13.2), true)));
    }

    public static long gib(double gib) {
        return Math.round(gib * GIB);
    }

    static int index(List<String> releases, String release) {
        int i = releases.indexOf(release);
        if (i < 0) throw new IllegalArgumentException(release + " is not in the release list");
        return i;
    }
}
