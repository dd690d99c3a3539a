package dev.fitcheck.memory.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (JsonNode r : root.path("runs")) {
            runs.add(new ProbeRun(root.path("shape").asText(), root.path("dtype").asText(), root.path("quant").asText("none"),
                    root.path("text_cache").asText("dynamic"), root.path("logits").asText("last").equals("all"), gpu,
                    r.path("context").asInt(), r.path("video_seconds").asDouble(), r.path("visual_tokens").asLong(),
                    r.path("audio_tokens").asLong(), r.path("decode_steps").asInt(), r.path("status").asText("?"),
                    root.path("weights_allocated").asLong(0), r.path("peak_allocated").asLong(0),
                    r.path("peak_reserved").asLong(0), optional(r, "decode_tokens_per_second"), optional(r, "prefill_seconds"),
                    context));
        }
        return runs;
    }

    private static Optional<Double> optional(JsonNode r, String key) {
        return r.path(key).isNumber() ? Optional.of(r.path(key).asDouble()) : Optional.empty();
    }
}
