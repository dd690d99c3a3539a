package dev.fitcheck.memory.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.inference.PhaseMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders prediction rows as reports/gpu/memory-prediction.md and .json. */
public final class PredictionReport {

    /** bf16 runs at the 9B shape must be within this of the measured peak reserved. */
    public static final double GOAL_PERCENT = 5.0;

    private PredictionReport() {
    }

    public static String markdown(List<PredictionRow> rows) {
        StringBuilder s = new StringBuilder("# Predicted and measured peak GPU memory\n\n");
        s.append("Measured by env-manager's probe (fitcheck_helpers/probe.py); predicted by `dev.fitcheck.memory` for the same ")
                .append("shape, dtype and input tokens. Peaks are the CUDA caching allocator's (reserved and allocated), ")
                .append("without the CUDA context. accelerate's estimate is parameters x bytes. The bound is the GPU's ")
                .append("memory bandwidth over the bytes one decode step reads (weights, text cache, cross-attention cache).\n\n")
                .append("The prediction replays every tensor of the inference, weights first, in the order the probe (and Vidi) ")
                .append("allocates and frees them, through a simulation of PyTorch's caching allocator under the run's ")
                .append("PYTORCH_CUDA_ALLOC_CONF (`dev.fitcheck.memory.alloc.CachingAllocatorSimulation`): reserved includes what ")
                .append("rounding and fragmentation cost on that sequence; no margin is fitted to these measurements. ")
                .append("\"Reserved peak set at\" is where the simulation reserved its last segment.\n\n");
        s.append("| GPU | shape | dtype | allocator | context | video | visual + audio tokens | predicted reserved | measured reserved | error | ")
                .append("predicted allocated | measured allocated | error | reserved peak set at | accelerate | decode tok/s | bound tok/s | ratio |\n");
        s.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        int goalRows = 0;
        int withinGoal = 0;
        for (PredictionRow r : rows) {
            ProbeRun p = r.run();
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %.0f s | %,d + %,d | %s | %s | %+.1f%% | %s | %s | %+.1f%% | %s | %s | %s | %s | %s |%n",
                    p.gpu(), p.shape(), p.dtype(), p.allocator().expandableSegments() ? "expandable" : "default",
                    p.context(), p.videoSeconds(), p.visualTokens(), p.audioTokens(),
                    gib(r.predictedReserved()), gib(p.peakReserved()), r.errorPercent(), gib(r.predictedAllocated()),
                    gib(p.peakAllocated()), r.allocatedErrorPercent(), r.predictedReservedAt(), gib(r.accelerateEstimate()),
                    p.decodeTokensPerSecond().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-"),
                    r.boundTokensPerSecond().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-"),
                    r.boundRatio().map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("-")));
            if (p.shape().equals("vidi-9b") && p.dtype().equals("bf16")) {
                goalRows++;
                if (Math.abs(r.errorPercent()) <= GOAL_PERCENT) {
                    withinGoal++;
                }
            }
        }
        s.append(String.format(Locale.ROOT, "%nGoal: bf16 at 9B within %.0f%% of the measured peak reserved: %d of %d runs.%n",
                GOAL_PERCENT, withinGoal, goalRows));
        return s.toString();
    }

    public static String json(List<PredictionRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PredictionRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            ProbeRun p = r.run();
            m.put("gpu", p.gpu());
            m.put("shape", p.shape());
            m.put("dtype", p.dtype());
            m.put("allocator_conf", p.allocator().allocConf());
            m.put("context", p.context());
            m.put("video_seconds", p.videoSeconds());
            m.put("visual_tokens", p.visualTokens());
            m.put("audio_tokens", p.audioTokens());
            m.put("predicted_reserved", r.predictedReserved());
            m.put("measured_reserved", p.peakReserved());
            m.put("error_percent", r.errorPercent());
            m.put("predicted_allocated", r.predictedAllocated());
            m.put("measured_allocated", p.peakAllocated());
            m.put("allocated_error_percent", r.allocatedErrorPercent());
            m.put("accelerate_estimate", r.accelerateEstimate());
            m.put("predicted_peak_phase", r.predictedPeakPhase());
            m.put("predicted_reserved_peak_at", r.predictedReservedAt());
            List<Map<String, Object>> phases = new ArrayList<>();
            for (PhaseMemory ph : r.predictedPhases()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("name", ph.name());
                q.put("predicted_peak_allocated", ph.peakAllocated());
                q.put("predicted_peak_reserved", ph.peakReserved());
                ProbeRun.MeasuredPhase measured = p.phases().get(ph.name());
                q.put("measured_peak_allocated", measured == null ? null : measured.peakAllocated());
                q.put("measured_peak_reserved", measured == null ? null : measured.peakReserved());
                phases.add(q);
            }
            m.put("phases", phases);
            m.put("decode_tokens_per_second", p.decodeTokensPerSecond().orElse(null));
            m.put("bandwidth_bound_tokens_per_second", r.boundTokensPerSecond().orElse(null));
            m.put("bound_ratio", r.boundRatio().orElse(null));
            m.put("cuda_context_bytes", p.cudaContextBytes().orElse(null));
            out.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("runs", out)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String gib(long bytes) {
        return new ByteSize(bytes).display();
    }
}
