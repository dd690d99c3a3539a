package dev.fitcheck.memory.quant;

import java.util.List;

/**
 * A model's weights under one {@link QuantizationScheme}: bytes per part, the skip list in force,
 * the modules kept unquantized with their cost, the problems that make the scheme fail (a module
 * that computes with a quantized Linear's weight) and warnings. {@code allocatorBytes} is what the
 * CUDA caching allocator reserves for the same tensors, each rounded on its own; {@code deviceTensors}
 * the bytes of every tensor put on the device, in load order (what an allocator simulation replays).
 */
public record WeightPlan(
        QuantizationScheme scheme,
        List<PartWeights> parts,
        List<String> skipList,
        List<KeptModule> kept,
        List<PlanProblem> problems,
        List<String> warnings,
        long allocatorBytes,
        List<Long> deviceTensors) {

    public WeightPlan {
        parts = List.copyOf(parts);
        skipList = List.copyOf(skipList);
        kept = List.copyOf(kept);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        deviceTensors = List.copyOf(deviceTensors);
    }

    public long bytes() {
        return parts.stream().mapToLong(PartWeights::bytes).sum();
    }

    public long parameters() {
        return parts.stream().mapToLong(PartWeights::parameters).sum();
    }

    public boolean works() {
        return problems.isEmpty();
    }
}
