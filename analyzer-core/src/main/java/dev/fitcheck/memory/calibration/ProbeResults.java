package dev.fitcheck.memory.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import dev.fitcheck.memory.alloc.AllocatorSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Reads the JSON the probe prints (env-manager's fitcheck_helpers/probe.py) into {@link ProbeRun}s. */
public final class ProbeResults {

    private ProbeResults() {
    }

    public static List<ProbeRun> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "is not the probe's JSON: " + e.getMessage());
        }
        if (root == null || !root.has("probe") || !root.path("runs").isArray()) {
            throw new InputError(SourceLocation.of(file, 1), "expected the probe's JSON (keys 'probe' and 'runs')");
        }
        List<ProbeRun> runs = new ArrayList<>();
        String gpu = root.path("gpu").path("name").asText("cpu");
        Optional<Long> context = root.path("cuda_context_bytes").isNumber()
                ? Optional.of(root.path("cuda_context_bytes").asLong()) : Optional.empty();
        // probe 2 records PYTORCH_CUDA_ALLOC_CONF as it ran; probe 1 always ran with the default
        AllocatorSettings allocator = AllocatorSettings.fromAllocConf(root.path("allocator_conf").asText(""));
        for (JsonNode r : root.path("runs")) {
            runs.add(new ProbeRun(root.path("shape").asText(), root.path("dtype").asText(), root.path("quant").asText("none"),
                    root.path("text_cache").asText("dynamic"), root.path("logits").asText("last").equals("all"), gpu,
                    r.path("context").asInt(), r.path("video_seconds").asDouble(), r.path("visual_tokens").asLong(),
                    r.path("audio_tokens").asLong(), r.path("decode_steps").asInt(), r.path("status").asText("?"),
                    root.path("weights_allocated").asLong(0), r.path("peak_allocated").asLong(0),
                    r.path("peak_reserved").asLong(0), optional(r, "decode_tokens_per_second"), optional(r, "prefill_seconds"),
                    context, allocator, phases(r)));
        }
        return runs;
    }

    private static Map<String, ProbeRun.MeasuredPhase> phases(JsonNode run) {
        Map<String, ProbeRun.MeasuredPhase> out = new LinkedHashMap<>();
        run.path("phases").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            if (p.has("peak_reserved")) {
                out.put(e.getKey(), new ProbeRun.MeasuredPhase(p.path("peak_allocated").asLong(), p.path("peak_reserved").asLong(),
                        p.path("end_allocated").asLong(), p.path("end_reserved").asLong()));
            }
        });
        return out;
    }

    private static Optional<Double> optional(JsonNode r, String key) {
        return r.path(key).isNumber() ? Optional.of(r.path(key).asDouble()) : Optional.empty();
    }
}
