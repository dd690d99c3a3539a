package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.alloc.AllocatorSettings;
import java.util.Comparator;
import java.util.List;

/**
 * One inference as the caching allocator sees it: the weights it starts from, per phase the
 * peaks of allocated and reserved bytes (weights included) and what is left; the caches it builds
 * (text KV, and the cross-attention K/V of every visual and audio token); the video's tokens; and
 * the allocator setting simulated. Budgets are against {@link #peakReserved()}, what the process
 * holds from the driver.
 */
public record InferenceMemory(
        VideoTokens tokens,
        AllocatorSettings allocator,
        long weightsAllocated,
        long weightsReserved,
        List<PhaseMemory> phases,
        long textCacheBytes,
        long crossAttentionCacheBytes,
        long inputBytes) {

    public InferenceMemory {
        phases = List.copyOf(phases);
    }

    /** The phase with the highest allocated peak. */
    public PhaseMemory peakPhase() {
        return phases.stream().max(Comparator.comparingLong(PhaseMemory::peakAllocated)).orElseThrow();
    }

    /** The phase in which reserved memory reached its peak (the first, when later phases only reuse it). */
    public PhaseMemory reservedPeakPhase() {
        PhaseMemory best = phases.get(0);
        for (PhaseMemory p : phases) {
            if (p.peakReserved() > best.peakReserved()) {
                best = p;
            }
        }
        return best;
    }

    public long peakAllocated() {
        return Math.max(weightsAllocated, peakPhase().peakAllocated());
    }

    public long peakReserved() {
        return Math.max(weightsReserved, reservedPeakPhase().peakReserved());
    }

    /** Allocated beyond the weights at the peak: caches and activations. */
    public long beyondWeights() {
        return peakAllocated() - weightsAllocated;
    }

    /** Reserved but not allocated at the reserved peak's phase: the allocator's rounding and fragmentation. */
    public long fragmentation() {
        return peakReserved() - reservedPeakPhase().peakAllocated();
    }
}
