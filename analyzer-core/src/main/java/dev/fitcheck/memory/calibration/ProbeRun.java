package dev.fitcheck.memory.calibration;

import dev.fitcheck.memory.alloc.AllocatorSettings;
import java.util.Map;
import java.util.Optional;

/**
 * One point of a probe run as its JSON reports it: the shape and dtype, the GPU, the input (text
 * tokens, video seconds and the tokens it became), the allocator setting it ran under, and what
 * was measured, in all and per phase.
 */
public record ProbeRun(
        String shape,
        String dtype,
        String quant,
        String textCache,
        boolean allLogits,
        String gpu,
        int context,
        double videoSeconds,
        long visualTokens,
        long audioTokens,
        int decodeSteps,
        String status,
        long weightsAllocated,
        long peakAllocated,
        long peakReserved,
        Optional<Double> decodeTokensPerSecond,
        Optional<Double> prefillSeconds,
        Optional<Long> cudaContextBytes,
        AllocatorSettings allocator,
        Map<String, MeasuredPhase> phases) {

    public ProbeRun {
        phases = Map.copyOf(phases);
    }

    /** One phase as the probe's Meter measured it: peaks since the phase began, and what it left. */
    public record MeasuredPhase(long peakAllocated, long peakReserved, long endAllocated, long endReserved) {
    }
}
