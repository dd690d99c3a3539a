package dev.fitcheck.memory.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterCountTest {

    static final Path VIDI = Path.of("..", "fixtures", "vidi").toAbsolutePath().normalize();
    static final Path NINE_B = VIDI.resolve("Vidi1.5_9B/config");
    static final Path SEVEN_B = VIDI.resolve("Vidi_7B/config");

    @TempDir
    Path tmp;

    private static LanguageModelConfig lm(Path file) {
        return LanguageModelConfig.from(ConfigJson.read(file));
    }

    private static long count(java.util.List<TensorSpec> tensors) {
        return tensors.stream().mapToLong(TensorSpec::elements).sum();
    }

    @Test
    void gemma2_9b_matches_the_published_size_exactly() {
        assertThat(count(lm(NINE_B.resolve("language.json")).tensors())).isEqualTo(9_241_705_984L);
    }

    @Test
    void mistral_7b_matches_the_published_size_exactly() {
        assertThat(count(lm(SEVEN_B.resolve("language.json")).tensors())).isEqualTo(7_241_732_096L);
    }

    @Test
    void llama3_8b_and_qwen2_7b_match_their_published_sizes() throws IOException {
        Path llama = tmp.resolve("llama.json");
        Files.writeString(llama, """
                {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "tie_word_embeddings": false}
                """);
        assertThat(count(lm(llama).tensors())).isEqualTo(8_030_261_248L);
        Path qwen = tmp.resolve("qwen2.json");
        Files.writeString(qwen, """
                {"model_type": "qwen2", "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
                 "num_attention_heads": 28, "num_key_value_heads": 4, "vocab_size": 152064, "tie_word_embeddings": false}
                """);
        LanguageModelConfig q = lm(qwen);
        assertThat(q.qkvBias()).isTrue();
        assertThat(count(q.tensors())).isEqualTo(7_615_616_512L);
    }

    @Test
    void siglip_so400m_vision_tower_is_428_million_with_its_pooling_head() {
        VisionTowerConfig v = VisionTowerConfig.from(ConfigJson.read(NINE_B.resolve("vision.json")));
        long all = count(v.tensors(""));
        assertThat(all).isEqualTo(428_225_600L);
        long head = v.tensors("").stream().filter(t -> t.name().startsWith("vision_model.head."))
                .mapToLong(TensorSpec::elements).sum();
        // probe 1152 + MultiheadAttention 5,313,024 + LayerNorm 2,304 + MLP 9,921,872
        assertThat(head).isEqualTo(15_238_352L);
        assertThat(v.patchesPerSide()).isEqualTo(27);
    }

    @Test
    void clip_vit_large_vision_tower_matches_its_published_size() throws IOException {
        Path clip = tmp.resolve("clip.json");
        Files.writeString(clip, """
                {"model_type": "clip_vision_model", "hidden_size": 1024, "intermediate_size": 4096,
                 "num_hidden_layers": 24, "num_attention_heads": 16, "image_size": 224, "patch_size": 14}
                """);
        assertThat(count(VisionTowerConfig.from(ConfigJson.read(clip)).tensors(""))).isEqualTo(303_179_776L);
    }

    @Test
    void siglip2_naflex_uses_a_linear_patch_embedding_and_256_positions() throws IOException {
        Path s2 = tmp.resolve("siglip2.json");
        Files.writeString(s2, """
                {"model_type": "siglip2_vision_model", "hidden_size": 1152, "intermediate_size": 4304,
                 "num_hidden_layers": 27, "num_attention_heads": 16, "patch_size": 16, "num_patches": 256}
                """);
        VisionTowerConfig v = VisionTowerConfig.from(ConfigJson.read(s2));
        assertThat(v.tensors("")).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("vision_model.embeddings.patch_embedding.weight");
            assertThat(t.kind()).isEqualTo(TensorKind.LINEAR_WEIGHT);
            assertThat(t.shape()).containsExactly(1152L, 768L);
        });
        assertThat(v.positions()).isEqualTo(256);
    }

    @Test
    void whisper_large_v3_encoder_is_637_million() {
        AudioEncoderConfig a = AudioEncoderConfig.from(ConfigJson.read(NINE_B.resolve("audio.json")));
        assertThat(count(a.tensors(""))).isEqualTo(636_968_960L);
    }

    @Test
    void vidi_9b_parts_add_up() {
        ModelArchitecture arch = new ArchitectureReader().fromConfigs("vidi-9b", configs(NINE_B));
        assertThat(arch.parameters(Role.LANGUAGE)).isEqualTo(9_241_705_984L);
        assertThat(arch.parameters(Role.VISION)).isEqualTo(428_225_600L);
        assertThat(arch.parameters(Role.AUDIO)).isEqualTo(636_968_960L);
        // image MLP 29,367,296 + three position MLPs 77,091,840 + audio conv 22,937,600
        // + audio MLP 25,697,280 + three RMSNorms 10,752
        assertThat(arch.parameters(Role.PROJECTOR)).isEqualTo(155_104_768L);
        assertThat(arch.parameters()).isEqualTo(10_462_005_312L);
        assertThat(arch.computeOutsideForward()).singleElement()
                .satisfies(h -> assertThat(h.module()).isEqualTo("model.mm_vis.vision_model.head"));
        assertThat(arch.tiedModules()).contains("lm_head");
    }

    @Test
    void vidi_7b_parts_add_up() {
        ModelArchitecture arch = new ArchitectureReader().fromConfigs("vidi-7b", configs(SEVEN_B));
        assertThat(arch.parameters(Role.LANGUAGE)).isEqualTo(7_241_732_096L);
        // conv pool 65,028,096 + image MLP 21,504,000 + position MLPs 100,687,872
        // + audio conv 8,192,000 + audio MLP 22,028,288 + norms 12,288
        assertThat(arch.parameters(Role.PROJECTOR)).isEqualTo(217_452_544L);
        assertThat(arch.tiedModules()).isEmpty();
    }

    static Map<String, Path> configs(Path dir) {
        return Map.of("language", dir.resolve("language.json"), "vision", dir.resolve("vision.json"),
                "audio", dir.resolve("audio.json"), "projector", dir.resolve("projector.json"));
    }

    @Test
    void a_missing_hyper_parameter_names_the_file_and_line() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"model_type\": \"gemma2\",\n  \"hidden_size\": 3584,\n  \"num_attention_heads\": \"16\"\n}\n");
        assertThatThrownBy(() -> lm(bad)).isInstanceOf(InputError.class)
                .hasMessageContaining("'num_attention_heads' must be a positive integer")
                .satisfies(e -> assertThat(((InputError) e).sentence()).contains("bad.json:4"));
        Path unknown = tmp.resolve("gpt.json");
        Files.writeString(unknown, "{\"model_type\": \"gpt2\"}");
        assertThatThrownBy(() -> lm(unknown)).isInstanceOf(InputError.class)
                .hasMessageContaining("expected one of gemma2, mistral, llama, qwen2");
        Path syntax = tmp.resolve("syntax.json");
        Files.writeString(syntax, "{\n\"model_type\": \"gemma2\",,\n}");
        assertThatThrownBy(() -> lm(syntax)).isInstanceOf(InputError.class).hasMessageContaining("JSON syntax error");
    }

    @Test
    void gemma2_alternates_sliding_and_global_layers() {
        LanguageModelConfig g = lm(NINE_B.resolve("language.json"));
        assertThat(g.slidingLayers().subList(0, 4)).containsExactly(true, false, true, false);
        assertThat(g.slidingLayerCount()).isEqualTo(21);
        assertThat(g.kvBytesPerTokenPerLayer(2)).isEqualTo(8192);
    }
}
