package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.gpu.GpuUsage;
import java.util.List;

/**
 * A model's memory plans against the GPU as it is now: what the model is (parts and parameters),
 * the GPU and what runs on it, the CUDA context assumed (and whether it was measured), the question
 * asked, and one {@link ConfigurationPlan} per configuration. Pure data for the report renderers.
 */
public record MemoryReport(
        String model,
        String title,
        ModelArchitecture architecture,
        GpuUsage gpu,
        ByteSize context,
        String contextSource,
        MemoryQuestion question,
        List<ConfigurationPlan> plans,
        List<String> notes) {

    public MemoryReport {
        plans = List.copyOf(plans);
        notes = List.copyOf(notes);
    }
}
