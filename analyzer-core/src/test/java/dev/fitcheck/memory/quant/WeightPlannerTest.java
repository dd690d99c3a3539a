package dev.fitcheck.memory.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeightPlannerTest {

    static final Path NINE_B = Path.of("..", "fixtures", "vidi", "Vidi1.5_9B", "config").toAbsolutePath().normalize();
    static final Path SEVEN_B = Path.of("..", "fixtures", "vidi", "Vidi_7B", "config").toAbsolutePath().normalize();

    static ModelArchitecture arch(Path dir, String name) {
        return new ArchitectureReader().fromConfigs(name, Map.of("language", dir.resolve("language.json"),
                "vision", dir.resolve("vision.json"), "audio", dir.resolve("audio.json"),
                "projector", dir.resolve("projector.json")));
    }

    final WeightPlanner planner = new WeightPlanner();

    @Test
    void bitsandbytes_storage_per_tensor_follows_its_source() {
        // 4096 x 4096: int8 matrix + one float32 scale (SCB) per output row
        assertThat(BitsandbytesStorage.int8Bytes(4096, 4096L * 4096)).isEqualTo(16_777_216L + 16_384);
        // nf4: 8,388,608 packed + 262,144 uint8 absmax + 1,024 float32 second-level absmax
        // + 1,024-byte dynamic map + 4-byte offset + 64-byte code table
        assertThat(BitsandbytesStorage.fourBitBytes(4096L * 4096, 64, true)).isEqualTo(8_388_608L + 262_144 + 4_096 + 1_024 + 4 + 64);
        // without double quantization: one float32 absmax per 64 values
        assertThat(BitsandbytesStorage.fourBitBytes(4096L * 4096, 64, false)).isEqualTo(8_388_608L + 1_048_576 + 64);
    }

    @Test
    void full_precision_is_two_bytes_a_parameter() {
        WeightPlan p = planner.plan(arch(NINE_B, "vidi-9b"), QuantizationScheme.full(Precision.BF16));
        assertThat(p.bytes()).isEqualTo(2 * 10_462_005_312L);
        assertThat(p.works()).isTrue();
        assertThat(p.allocatorBytes()).isGreaterThanOrEqualTo(p.bytes());
    }

    @Test
    void default_skip_list_quantizes_the_siglip_head_and_fails_like_the_reference_run() {
        WeightPlan p = planner.plan(arch(NINE_B, "vidi-9b"), QuantizationScheme.nf4(Optional.empty()));
        assertThat(p.skipList()).containsExactlyInAnyOrder("lm_head", "model.embed_tokens");
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.module()).isEqualTo("model.mm_vis.vision_model.head");
            assertThat(pr.problem()).contains("self and mat2 must have the same dtype, but got Half and Byte");
            assertThat(pr.fix()).contains("'mm_vis.vision_model.head'");
        });
        WeightPlan int8 = planner.plan(arch(NINE_B, "vidi-9b"), QuantizationScheme.int8(Optional.empty()));
        assertThat(int8.problems()).singleElement().satisfies(pr -> assertThat(pr.problem()).contains("Half and Char"));
        // Embedding (917,504,000) stays fp16; the tied lm_head adds nothing.
        assertThat(p.parts().get(0).quantizedParameters()).isEqualTo(9_241_705_984L - 917_504_000L - 42 * 4 * 3584 - 3584);
    }

    @Test
    void a_custom_skip_list_replaces_the_default_and_says_so() {
        WeightPlan p = planner.plan(arch(SEVEN_B, "vidi-7b"),
                QuantizationScheme.nf4(Optional.of(List.of("mm_vis.vision_model.head"))));
        assertThat(p.problems()).isEmpty();
        assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w)
                .contains("replaces transformers' default list").contains("'lm_head'"));
        assertThat(p.kept()).singleElement().satisfies(k -> {
            assertThat(k.module()).isEqualTo("mm_vis.vision_model.head");
            assertThat(k.reason()).startsWith("must stay in the compute dtype");
            // out_proj 1152x1152 + MLP 1152x4304 twice, in fp16
            assertThat(k.linearParameters()).isEqualTo(1152L * 1152 + 2L * 1152 * 4304);
            assertThat(k.bytesKept()).isEqualTo(2 * k.linearParameters());
            assertThat(k.cost()).isPositive();
        });
    }

    @Test
    void towers_in_fp16_cost_what_their_linears_save_at_four_bits() {
        ModelArchitecture a = arch(NINE_B, "vidi-9b");
        WeightPlan towers = planner.plan(a, QuantizationScheme.nf4(Optional.of(List.of("lm_head", "model.embed_tokens", "mm_vis", "mm_aud"))));
        WeightPlan head = planner.plan(a, QuantizationScheme.nf4(Optional.of(List.of("lm_head", "model.embed_tokens", "mm_vis.vision_model.head"))));
        assertThat(towers.problems()).isEmpty();
        assertThat(towers.warnings()).isEmpty();
        assertThat(towers.parts()).filteredOn(pw -> pw.role() == Role.VISION).singleElement()
                .satisfies(pw -> assertThat(pw.quantizedParameters()).isZero());
        long visionAndAudioCost = towers.kept().stream().mapToLong(KeptModule::cost).sum();
        assertThat(towers.bytes()).isGreaterThan(head.bytes());
        assertThat(towers.bytes() - head.bytes()).isLessThan(visionAndAudioCost);
    }
}
