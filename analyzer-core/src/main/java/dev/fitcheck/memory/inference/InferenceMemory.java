package dev.fitcheck.memory.inference;

import java.util.Comparator;
import java.util.List;

/**
 * What one inference needs beyond the weights: per phase, the peak and what it leaves; the
 * caches it builds (text KV, and the cross-attention K/V of every visual and audio token); and the
 * video's tokens. {@code peak()} is the largest phase, reserved-rounded where the allocator rounds.
 */
public record InferenceMemory(
        VideoTokens tokens,
        List<PhaseMemory> phases,
        long textCacheBytes,
        long crossAttentionCacheBytes,
        long inputBytes) {

    public InferenceMemory {
        phases = List.copyOf(phases);
    }

    public PhaseMemory peakPhase() {
        return phases.stream().max(Comparator.comparingLong(PhaseMemory::peakBytes)).orElseThrow();
    }

    public long peak() {
        return peakPhase().peakBytes();
    }
}
