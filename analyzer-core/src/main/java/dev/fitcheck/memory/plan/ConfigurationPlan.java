package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.inference.InferenceMemory;
import dev.fitcheck.memory.quant.WeightPlan;
import java.util.List;
import java.util.Optional;

/**
 * One configuration's need and verdict: weights (as the allocator reserves them), caches
 * (cross-attention and text), the activations peak, the CUDA context, their sum; whether it fits
 * with every service running; the smallest set of services to stop when it does not (empty
 * optional: it does not fit even with all stopped); and the longest video that fits both ways.
 * {@code need} is with the caching allocator's default segments; {@code needExpandable} the same
 * inference with {@code PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True}, which removes most of
 * the fragmentation between the cross-attention caches.
 */
public record ConfigurationPlan(
        LoadConfiguration configuration,
        WeightPlan weights,
        InferenceMemory inference,
        ByteSize weightsReserved,
        ByteSize caches,
        ByteSize activations,
        ByteSize context,
        ByteSize need,
        boolean fitsNow,
        ByteSize needExpandable,
        boolean fitsNowExpandable,
        Optional<List<String>> stopToFit,
        double longestVideoSecondsNow,
        double longestVideoSecondsAllStopped) {

    public ConfigurationPlan {
        stopToFit = stopToFit.map(List::copyOf);
    }
}
