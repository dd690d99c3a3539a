package dev.fitcheck.memory.inference;

/**
 * How transformers caches the text tokens' keys and values during generate, which differs by
 * release for models with sliding-window layers (read from cache_utils.py and generation/utils.py):
 * <ul>
 * <li>{@code DYNAMIC}: 4.57's {@code DynamicCache(config=...)}: full layers grow with the text;
 * sliding layers keep a view of the last window-1 tokens, whose storage after prefill is still the
 * whole prompt until the first decode step replaces it.</li>
 * <li>{@code DYNAMIC_FULL}: 4.53 to 4.55, where Gemma2Config no longer asks for the hybrid cache
 * and DynamicCache has one kind of layer: every layer keeps every token.</li>
 * <li>{@code HYBRID}: 4.50's {@code HybridCache}, the default there because Gemma2Config sets
 * {@code cache_implementation="hybrid"}: allocated up front, global layers at the generation's
 * maximum length, sliding layers at min(window, maximum length).</li>
 * </ul>
 * Models without sliding layers (Llama, Qwen2, Vidi 7B's Mistral on 4.44) cache every token either way.
 */
public enum TextCachePolicy {
    DYNAMIC, DYNAMIC_FULL, HYBRID;

    /** The policy transformers {@code version} applies to Gemma 2 in generate. */
    public static TextCachePolicy forTransformers(String version) {
        String[] p = version.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = p.length > 1 ? Integer.parseInt(p[1].replaceAll("[^0-9].*", "")) : 0;
        // Read in the releases themselves: "hybrid" is Gemma2Config's default up to 4.52 (4.52.4 checked),
        // gone in 4.53; DynamicSlidingWindowLayer arrives in 4.56.
        if (major > 4 || minor >= 56) {
            return DYNAMIC;
        }
        return minor >= 53 ? DYNAMIC_FULL : HYBRID;
    }
}
