package dev.fitcheck.memory.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fitcheck.memory.arch.ModulePart;
import dev.fitcheck.memory.gpu.ServiceUsage;
import dev.fitcheck.memory.inference.PhaseMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link MemoryReport} as JSON (`fitcheck memory --json`): every figure in bytes. */
public final class MemoryReportJson {

    private MemoryReportJson() {
    }

    public static String render(MemoryReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", r.model());
        root.put("title", r.title());
        Map<String, Object> gpu = new LinkedHashMap<>();
        gpu.put("name", r.gpu().gpuName());
        gpu.put("total", r.gpu().total().bytes());
        gpu.put("live", r.gpu().live());
        gpu.put("source", r.gpu().source());
        gpu.put("others", r.gpu().others().bytes());
        gpu.put("available", r.gpu().available().bytes());
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceUsage u : r.gpu().services()) {
            services.add(Map.of("name", u.service(), "memory", u.memory().bytes(), "live", u.live(), "pids", u.pids()));
        }
        gpu.put("services", services);
        root.put("gpu", gpu);
        root.put("cuda_context", r.context().bytes());
        root.put("cuda_context_source", r.contextSource());
        Map<String, Object> params = new LinkedHashMap<>();
        for (ModulePart p : r.architecture().parts()) {
            params.put(p.role().key(), p.parameters());
        }
        params.put("total", r.architecture().parameters());
        root.put("parameters", params);
        root.put("counted_from", r.architecture().countedFrom());
        root.put("question", Map.of("video_seconds", r.question().videoSeconds(), "context", r.question().context(),
                "decode_steps", r.question().decodeSteps()));
        List<Map<String, Object>> plans = new ArrayList<>();
        for (ConfigurationPlan p : r.plans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("configuration", p.configuration().label());
            m.put("weights_reserved", p.weightsReserved().bytes());
            m.put("caches", p.caches().bytes());
            m.put("activations", p.activations().bytes());
            m.put("context", p.context().bytes());
            m.put("need", p.need().bytes());
            m.put("fits_now", p.fitsNow());
            m.put("need_expandable_segments", p.needExpandable().bytes());
            m.put("fits_now_expandable_segments", p.fitsNowExpandable());
            m.put("stop_to_fit", p.stopToFit().orElse(null));
            m.put("longest_video_seconds_now", p.longestVideoSecondsNow());
            m.put("longest_video_seconds_all_stopped", p.longestVideoSecondsAllStopped());
            m.put("skip_modules", p.weights().skipList());
            m.put("problems", p.weights().problems().stream().map(x -> x.module() + " " + x.problem()).toList());
            m.put("warnings", p.weights().warnings());
            List<Map<String, Object>> phases = new ArrayList<>();
            for (PhaseMemory ph : p.inference().phases()) {
                Map<String, Object> phase = new LinkedHashMap<>();
                phase.put("name", ph.name());
                phase.put("peak_allocated", ph.peakAllocated());
                phase.put("peak_reserved", ph.peakReserved());
                phase.put("end_allocated", ph.endAllocated());
                phase.put("end_reserved", ph.endReserved());
                phase.put("at", ph.peakAt());
                phase.put("reserved_at", ph.reservedAt());
                phases.add(phase);
            }
            m.put("phases", phases);
            m.put("visual_tokens", p.inference().tokens().visualTokens());
            m.put("audio_tokens", p.inference().tokens().audioTokens());
            plans.add(m);
        }
        root.put("plans", plans);
        root.put("notes", r.notes());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
