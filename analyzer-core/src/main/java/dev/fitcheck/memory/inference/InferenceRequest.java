package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.alloc.AllocatorSettings;

/**
 * One inference to plan for: seconds of video, text tokens in the prompt, tokens generated, the
 * dtype activations and caches are held in, the text cache policy, whether logits are computed
 * for every position in float32 (a plain forward, or Vidi 7B on transformers 4.44) or only for the
 * last (generate's logits_to_keep=1 from 4.45 on), and the caching allocator's setting.
 */
public record InferenceRequest(
        double videoSeconds,
        int context,
        int decodeSteps,
        Precision activations,
        TextCachePolicy textCache,
        boolean allLogits,
        AllocatorSettings allocator) {

    public InferenceRequest {
        if (videoSeconds < 0 || context < 1 || decodeSteps < 0) {
            throw new IllegalArgumentException("video seconds and decode steps must be 0 or more, context 1 or more");
        }
        if (activations.quantized()) {
            throw new IllegalArgumentException("activations are held in a float type, not " + activations.label());
        }
    }

    /** With the allocator's default segments. */
    public InferenceRequest(double videoSeconds, int context, int decodeSteps, Precision activations,
            TextCachePolicy textCache, boolean allLogits) {
        this(videoSeconds, context, decodeSteps, activations, textCache, allLogits, AllocatorSettings.NATIVE);
    }

    public InferenceRequest withVideoSeconds(double seconds) {
        return new InferenceRequest(seconds, context, decodeSteps, activations, textCache, allLogits, allocator);
    }

    public InferenceRequest withAllocator(AllocatorSettings settings) {
        return new InferenceRequest(videoSeconds, context, decodeSteps, activations, textCache, allLogits, settings);
    }
}
