package dev.fitcheck.memory.calibration;

import dev.fitcheck.memory.inference.PhaseMemory;
import java.util.List;
import java.util.Optional;

/**
 * Prediction against measurement for one probe run: peak reserved (and allocated) predicted and
 * measured, the error, accelerate's parameters-times-bytes estimate beside them, and decode speed
 * against the memory-bandwidth bound (bytes read per token over bandwidth).
 */
public record PredictionRow(
        ProbeRun run,
        long predictedReserved,
        long predictedAllocated,
        long accelerateEstimate,
        double errorPercent,
        double allocatedErrorPercent,
        Optional<Double> boundTokensPerSecond,
        Optional<Double> boundRatio,
        String predictedPeakPhase,
        String predictedReservedAt,
        List<PhaseMemory> predictedPhases) {

    public PredictionRow {
        predictedPhases = List.copyOf(predictedPhases);
    }
}
