package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.alloc.CachingAllocatorSimulation;
import dev.fitcheck.memory.arch.LanguageModelConfig;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.quant.WeightPlan;
import java.util.List;

/**
 * The memory a Vidi-style inference takes on the GPU, as PyTorch's caching allocator counts it:
 * the weights are allocated tensor by tensor, then every tensor of the inference is allocated and
 * freed in the order Vidi's code creates and drops them ({@link VidiForwardTrace}), through a
 * simulation of the allocator ({@link CachingAllocatorSimulation}) under the request's setting. So
 * the reserved peak carries what fragmentation costs on this very sequence (blocks freed by one
 * layer too small for the next layer's tensors, pinned in place by the cross-attention cache
 * tensors allocated between them) instead of a fitted margin.
 */
public final class InferenceMemoryModel {

    public InferenceMemory estimate(ModelArchitecture arch, WeightPlan weights, InferenceRequest req) {
        LanguageModelConfig lm = arch.language();
        VideoTokens tok = arch.projector().isPresent() ? VideoTokens.of(arch, req.videoSeconds()) : VideoTokens.none();
        CachingAllocatorSimulation mem = new CachingAllocatorSimulation(req.allocator());
        mem.site("weights");
        for (long bytes : weights.deviceTensors()) {
            mem.malloc(bytes);
        }
        long weightsAllocated = mem.allocated();
        long weightsReserved = mem.reserved();
        List<PhaseMemory> phases = new VidiForwardTrace(mem, arch, tok, req).run();
        long e = req.activations().bytes();
        long kvd = (long) lm.keyValueHeads() * lm.headDim();
        long cross = 2L * lm.layers() * (tok.visualTokens() + tok.audioTokens()) * kvd * e;
        long inputs = 0;
        if (arch.vision().isPresent()) {
            var vis = arch.vision().get();
            inputs += (long) tok.frames() * vis.channels() * vis.imageSize() * vis.imageSize() * e;
        }
        if (arch.audio().isPresent()) {
            var aud = arch.audio().get();
            inputs += (long) tok.audioWindows() * aud.melBins() * aud.melFramesPerWindow() * e;
        }
        long textAfter = textCache(lm, req, req.context() + (long) req.decodeSteps(), false, e);
        return new InferenceMemory(tok, req.allocator(), weightsAllocated, weightsReserved, phases, textAfter, cross, inputs);
    }

    /** Bytes of the text KV cache holding {@code tokens}; {@code prefill} is the moment right after prefill. */
    static long textCache(LanguageModelConfig lm, InferenceRequest req, long tokens, boolean prefill, long e) {
        long perToken = lm.kvBytesPerTokenPerLayer((int) e);
        long total = 0;
        long maxLen = req.context() + (long) req.decodeSteps();
        for (boolean sliding : lm.slidingLayers()) {
            int w = lm.slidingWindow().orElse(Integer.MAX_VALUE);
            long held;
            if (req.textCache() == TextCachePolicy.HYBRID && lm.slidingWindow().isPresent()) {
                held = sliding ? Math.min(w, maxLen) : maxLen;
            } else if (req.textCache() == TextCachePolicy.DYNAMIC && sliding && !prefill) {
                held = Math.min(tokens, w - 1L);
            } else {
                held = tokens;
            }
            total += held * perToken;
        }
        return total;
    }
}
