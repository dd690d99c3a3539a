package dev.fitcheck.memory.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsHeadersTest {

    @TempDir
    Path dir;

    /** Writes a real safetensors file: 8-byte little-endian header length, JSON header, zeroed tensor data. */
    static void write(Path file, Map<String, long[]> tensors, String dtype, int bytesPerElement) throws IOException {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (var e : tensors.entrySet()) {
            long n = 1;
            StringBuilder shape = new StringBuilder();
            for (long d : e.getValue()) {
                n *= d;
                shape.append(shape.length() == 0 ? "" : ",").append(d);
            }
            long end = offset + n * bytesPerElement;
            json.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"").append(dtype).append("\",\"shape\":[")
                    .append(shape).append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            out.write(new byte[(int) offset]);
        }
    }

    private Map<String, Path> tinyLlama() throws IOException {
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, """
                {"model_type": "llama", "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1,
                 "num_attention_heads": 2, "num_key_value_heads": 1, "vocab_size": 32}
                """);
        return Map.of("language", cfg);
    }

    @Test
    void counts_exactly_from_two_shards_through_the_index_without_reading_tensors() throws IOException {
        Map<String, long[]> first = new LinkedHashMap<>();
        first.put("model.embed_tokens.weight", new long[] {32, 8});
        first.put("model.layers.0.self_attn.q_proj.weight", new long[] {8, 8});
        first.put("model.layers.0.self_attn.k_proj.weight", new long[] {4, 8});
        first.put("model.layers.0.self_attn.v_proj.weight", new long[] {4, 8});
        first.put("model.layers.0.self_attn.o_proj.weight", new long[] {8, 8});
        Map<String, long[]> second = new LinkedHashMap<>();
        second.put("model.layers.0.mlp.gate_proj.weight", new long[] {16, 8});
        second.put("model.layers.0.mlp.up_proj.weight", new long[] {16, 8});
        second.put("model.layers.0.mlp.down_proj.weight", new long[] {8, 16});
        second.put("model.layers.0.input_layernorm.weight", new long[] {8});
        second.put("model.layers.0.post_attention_layernorm.weight", new long[] {8});
        second.put("model.norm.weight", new long[] {8});
        second.put("model.rotary_emb.inv_freq", new long[] {2}); // not predicted by the config
        // lm_head.weight deliberately absent: the checkpoint ties it
        Path weights = Files.createDirectory(dir.resolve("weights"));
        write(weights.resolve("model-00001-of-00002.safetensors"), first, "BF16", 2);
        write(weights.resolve("model-00002-of-00002.safetensors"), second, "BF16", 2);
        StringBuilder index = new StringBuilder("{\"metadata\":{},\"weight_map\":{");
        String sep = "";
        for (String k : first.keySet()) {
            index.append(sep).append('"').append(k).append("\":\"model-00001-of-00002.safetensors\"");
            sep = ",";
        }
        for (String k : second.keySet()) {
            index.append(sep).append('"').append(k).append("\":\"model-00002-of-00002.safetensors\"");
        }
        Files.writeString(weights.resolve("model.safetensors.index.json"), index.append("}}").toString());

        ArchitectureReader reader = new ArchitectureReader();
        ModelArchitecture predicted = reader.fromConfigs("tiny", tinyLlama());
        assertThat(predicted.parameters()).isEqualTo(256 + 64 + 32 + 32 + 64 + 3 * 128 + 3 * 8 + 256);
        ModelArchitecture exact = reader.withCheckpoint(predicted, weights);
        assertThat(exact.parameters()).isEqualTo(256 + 64 + 32 + 32 + 64 + 3 * 128 + 3 * 8 + 2);
        assertThat(exact.countedFrom()).isEqualTo("safetensors headers");
        assertThat(exact.notes()).anySatisfy(n -> assertThat(n).contains("lm_head.weight"))
                .anySatisfy(n -> assertThat(n).startsWith("1 checkpoint tensors are not predicted"));
        List<TensorSpec> tensors = exact.part(Role.LANGUAGE).orElseThrow().tensors();
        assertThat(tensors).filteredOn(t -> t.name().equals("model.embed_tokens.weight"))
                .singleElement().satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(TensorKind.EMBEDDING);
                    assertThat(t.storedDtype()).contains("BF16");
                });
    }

    @Test
    void a_truncated_or_foreign_file_is_an_input_error() throws IOException {
        Path junk = dir.resolve("model.safetensors");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 1, 2});
        assertThatThrownBy(() -> SafetensorsHeaders.read(dir)).isInstanceOf(InputError.class)
                .hasMessageContaining("header length");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> SafetensorsHeaders.read(empty)).isInstanceOf(InputError.class)
                .hasMessageContaining("no safetensors files");
    }
}
