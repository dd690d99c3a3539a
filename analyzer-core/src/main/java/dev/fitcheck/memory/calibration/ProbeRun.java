package dev.fitcheck.memory.calibration;

import java.util.Optional;

/**
 * One point of a probe run as its JSON reports it: the shape and dtype, the GPU, the input (text
 * tokens, video seconds and the tokens it became), and what was measured.
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
        Optional<Long> cudaContextBytes) {
}
