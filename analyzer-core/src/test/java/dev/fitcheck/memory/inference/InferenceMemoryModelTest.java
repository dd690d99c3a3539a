package dev.fitcheck.memory.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.quant.QuantizationScheme;
import dev.fitcheck.memory.quant.WeightPlan;
import dev.fitcheck.memory.quant.WeightPlanner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceMemoryModelTest {

    static ModelArchitecture arch(String dir, String name) {
        Path d = Path.of("..", "fixtures", "vidi", dir, "config").toAbsolutePath().normalize();
        return new ArchitectureReader().fromConfigs(name, Map.of("language", d.resolve("language.json"),
                "vision", d.resolve("vision.json"), "audio", d.resolve("audio.json"), "projector", d.resolve("projector.json")));
    }

    static final ModelArchitecture NINE = arch("Vidi1.5_9B", "vidi-9b");
    static final ModelArchitecture SEVEN = arch("Vidi_7B", "vidi-7b");

    static WeightPlan weights(ModelArchitecture arch) {
        return new WeightPlanner().plan(arch, QuantizationScheme.full(Precision.BF16));
    }

    @Test
    void video_tokens_follow_vidi_15s_budget() {
        // 60 s: 60 frames of 28x28 folded 2x2 = 196 tokens each; 10 audio tokens a second
        VideoTokens minute = VideoTokens.of(NINE, 60);
        assertThat(minute.visualTokens()).isEqualTo(60 * 196);
        assertThat(minute.audioTokens()).isEqualTo(600);
        assertThat(minute.audioWindows()).isEqualTo(2);
        // 400 s passes 60,000 tokens: frames shrink to a 24x24 grid, 144 tokens (the probe says the same)
        VideoTokens long400 = VideoTokens.of(NINE, 400);
        assertThat(long400.tokensPerFrame()).isEqualTo(144);
        assertThat(long400.visualTokens()).isEqualTo(57_600);
        assertThat(long400.audioTokens()).isEqualTo(4_000);
        // an hour bottoms out at the 10x10 grid: 25 tokens a frame
        assertThat(VideoTokens.of(NINE, 3600).tokensPerFrame()).isEqualTo(25);
        assertThat(VideoTokens.of(SEVEN, 60).visualTokens()).isEqualTo(60 * 16);
    }

    @Test
    void cross_attention_cache_holds_k_and_v_of_every_token_in_every_layer() {
        InferenceRequest req = new InferenceRequest(60, 64, 32, Precision.BF16, TextCachePolicy.DYNAMIC, false);
        InferenceMemory m = new InferenceMemoryModel().estimate(NINE, weights(NINE), req);
        // (11,760 visual + 600 audio) tokens x 42 layers x 2 (K, V) x 8 heads x 256 x 2 bytes
        assertThat(m.crossAttentionCacheBytes()).isEqualTo(12_360L * 42 * 2 * 8 * 256 * 2);
        assertThat(m.phases()).extracting(PhaseMemory::name).containsExactly("inputs", "vision", "audio", "prefill", "decode");
        assertThat(m.beyondWeights()).isGreaterThan(m.crossAttentionCacheBytes());
        assertThat(m.peakReserved()).isGreaterThanOrEqualTo(m.peakAllocated());
    }

    @Test
    void gemma2_text_cache_counts_sliding_layers_per_release() {
        InferenceRequest dynamic = new InferenceRequest(0, 8192, 0, Precision.BF16, TextCachePolicy.DYNAMIC, false);
        long perTokenLayer = 8192; // 2 x 8 x 256 x 2 bytes
        // after prefill and a step, 4.57 keeps 4095 tokens in the 21 sliding layers and all 8192 in the 21 global ones
        assertThat(InferenceMemoryModel.textCache(NINE.language(), dynamic, 8192, false, 2))
                .isEqualTo(21 * 8192L * perTokenLayer + 21 * 4095L * perTokenLayer);
        // right after prefill the sliding layers still hold the whole prompt's storage
        assertThat(InferenceMemoryModel.textCache(NINE.language(), dynamic, 8192, true, 2)).isEqualTo(42 * 8192L * perTokenLayer);
        // 4.50's HybridCache preallocates: global layers at the full length, sliding ones at the window
        InferenceRequest hybrid = new InferenceRequest(0, 8192, 0, Precision.BF16, TextCachePolicy.HYBRID, false);
        assertThat(InferenceMemoryModel.textCache(NINE.language(), hybrid, 8192, false, 2))
                .isEqualTo(21 * 8192L * perTokenLayer + 21 * 4096L * perTokenLayer);
        assertThat(TextCachePolicy.forTransformers("4.50.0")).isEqualTo(TextCachePolicy.HYBRID);
        assertThat(TextCachePolicy.forTransformers("4.54.1")).isEqualTo(TextCachePolicy.DYNAMIC_FULL);
        assertThat(TextCachePolicy.forTransformers("4.57.6")).isEqualTo(TextCachePolicy.DYNAMIC);
    }

    @Test
    void full_logits_of_gemmas_vocabulary_dominate_a_long_plain_forward() {
        InferenceRequest all = new InferenceRequest(0, 8192, 0, Precision.BF16, TextCachePolicy.DYNAMIC, true);
        InferenceMemory m = new InferenceMemoryModel().estimate(NINE, weights(NINE), all);
        // 8192 x 256,000 logits in bf16 and their float32 copy: 12 GiB
        assertThat(m.peakPhase().peakAt()).isEqualTo("prefill: logits");
        assertThat(m.beyondWeights()).isGreaterThan(8192L * 256_000 * 6);
    }

    @Test
    void vidi_7b_repeats_its_audio_features_once_per_split_before_pooling() {
        InferenceRequest req = new InferenceRequest(3600, 64, 32, Precision.BF16, TextCachePolicy.DYNAMIC_FULL, true);
        InferenceMemory m = new InferenceMemoryModel().estimate(SEVEN, weights(SEVEN), req);
        PhaseMemory audio = m.phases().stream().filter(p -> p.name().equals("audio")).findFirst().orElseThrow();
        // 180,000 Whisper frames x 1280 x 2 bytes, repeated 32 times: 14.7 GB on top of what vision left
        long repeated = 32L * 180_000 * 1280 * 2;
        assertThat(audio.peakAllocated() - m.weightsAllocated()).isGreaterThan(repeated);
        assertThat(m.peakPhase().name()).isEqualTo("audio");
    }

    @Test
    void expandable_segments_reserve_little_beyond_the_allocated_peak() {
        InferenceRequest req = new InferenceRequest(300, 64, 32, Precision.BF16, TextCachePolicy.DYNAMIC, false);
        InferenceMemory native_ = new InferenceMemoryModel().estimate(NINE, weights(NINE), req);
        InferenceMemory expandable = new InferenceMemoryModel().estimate(NINE, weights(NINE),
                req.withAllocator(dev.fitcheck.memory.alloc.AllocatorSettings.EXPANDABLE));
        // the same tensors; only blocks' unsplit remainders (1 MiB or less each) differ
        assertThat(expandable.peakAllocated()).isCloseTo(native_.peakAllocated(), org.assertj.core.data.Offset.offset(64L << 20));
        // default segments: gigabytes of freed blocks too small for the next layer's tensors
        assertThat(native_.peakReserved() - native_.peakAllocated()).isGreaterThan(4L << 30);
        assertThat(expandable.peakReserved() - expandable.peakAllocated()).isLessThan(native_.peakReserved() - native_.peakAllocated());
    }
}
