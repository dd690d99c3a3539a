package dev.fitcheck.memory.calibration;

import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.gpu.GpuCatalogue;
import dev.fitcheck.memory.gpu.GpuKind;
import dev.fitcheck.memory.inference.InferenceMemory;
import dev.fitcheck.memory.inference.InferenceMemoryModel;
import dev.fitcheck.memory.inference.InferenceRequest;
import dev.fitcheck.memory.inference.TextCachePolicy;
import dev.fitcheck.memory.quant.QuantizationScheme;
import dev.fitcheck.memory.quant.WeightPlan;
import dev.fitcheck.memory.quant.WeightPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the planner's prediction beside each probe measurement. Predictions exclude the CUDA
 * context, as the allocator's counters do; they use the same input tokens the probe reports.
 */
public final class PredictionComparison {

    private final Map<String, ModelArchitecture> shapes;
    private final GpuCatalogue gpus;
    private final InferenceMemoryModel model = new InferenceMemoryModel();

    public PredictionComparison(Map<String, ModelArchitecture> shapes, GpuCatalogue gpus) {
        this.shapes = Map.copyOf(shapes);
        this.gpus = gpus;
    }

    public List<PredictionRow> compare(List<ProbeRun> runs) {
        List<PredictionRow> rows = new ArrayList<>();
        for (ProbeRun run : runs) {
            ModelArchitecture arch = shapes.get(run.shape());
            if (arch == null || !run.status().equals("ok") || !run.quant().equals("none")) {
                continue;
            }
            Precision dtype = Precision.parse(run.dtype());
            WeightPlan weights = new WeightPlanner().plan(arch, QuantizationScheme.full(dtype));
            TextCachePolicy policy = run.textCache().equals("hybrid") ? TextCachePolicy.HYBRID
                    : arch.language().family().equals("gemma2") ? TextCachePolicy.DYNAMIC : TextCachePolicy.DYNAMIC_FULL;
            InferenceRequest req = new InferenceRequest(run.videoSeconds(), run.context(), run.decodeSteps(), dtype, policy,
                    run.allLogits(), run.allocator());
            InferenceMemory mem = model.estimate(arch, weights, req);
            long predictedReserved = mem.peakReserved();
            long predictedAllocated = mem.peakAllocated();
            long accelerate = arch.parameters() * dtype.bytes();
            Optional<GpuKind> kind = gpus.find(run.gpu());
            // Each decode step reads every weight once, plus the text cache and every cached visual/audio K/V.
            long bytesPerToken = weights.bytes() + mem.crossAttentionCacheBytes() + mem.textCacheBytes();
            Optional<Double> bound = kind.map(k -> k.bandwidthGBs() * 1e9 / bytesPerToken);
            Optional<Double> ratio = bound.flatMap(b -> run.decodeTokensPerSecond().map(m -> m / b));
            rows.add(new PredictionRow(run, predictedReserved, predictedAllocated, accelerate,
                    percent(predictedReserved, run.peakReserved()), percent(predictedAllocated, run.peakAllocated()),
                    bound, ratio, mem.peakPhase().name(), mem.reservedPeakPhase().reservedAt(), mem.phases()));
        }
        return rows;
    }

    static double percent(long predicted, long measured) {
        return measured == 0 ? Double.NaN : 100.0 * (predicted - measured) / measured;
    }
}
