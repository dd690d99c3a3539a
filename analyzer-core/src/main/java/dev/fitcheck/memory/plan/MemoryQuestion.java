package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.inference.TextCachePolicy;
import java.util.Optional;

/**
 * What the user asks: a video of {@code videoSeconds}, {@code context} text tokens, {@code decodeSteps}
 * tokens generated, and optionally the transformers release (it decides how Gemma 2's text cache grows).
 */
public record MemoryQuestion(double videoSeconds, int context, int decodeSteps, Optional<String> transformers) {

    public TextCachePolicy textCache(String family) {
        if (!family.equals("gemma2")) {
            return TextCachePolicy.DYNAMIC_FULL;
        }
        return transformers.map(TextCachePolicy::forTransformers).orElse(TextCachePolicy.DYNAMIC);
    }
}
