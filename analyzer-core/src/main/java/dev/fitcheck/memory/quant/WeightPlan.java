package dev.fitcheck.memory.quant;

import java.util.List;

/**
 * A model's weights under one {@link QuantizationScheme}: bytes per part, the skip list in force,
 * the modules kept unquantized with their cost, the problems that make the scheme fail (a module
 * that computes with a quantized Linear's weight) and warnings. {@code allocatorBytes} is what the
 * CUDA caching allocator reserves for the same tensors.
 */
public record WeightPlan(
        QuantizationScheme scheme,
        List<PartWeights> parts,
        List<String> skipList,
        List<KeptModule> kept,
        List<PlanProblem> problems,
        List<String> warnings,
        long allocatorBytes) {

    public WeightPlan {
        parts = List.copyOf(parts);
        skipList = List.copyOf(skipList);
        kept = List.copyOf(kept);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
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
