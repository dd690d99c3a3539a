package dev.fitcheck.memory.inference;

/**
 * One phase of an inference (inputs, vision, audio, prefill, decode) as the caching allocator
 * counts it, weights included, the way the probe measures it: peaks of allocated and reserved
 * bytes since the phase began, what is allocated and reserved when it ends, where the allocated
 * peak happened and where the last segment was reserved (which set the reserved peak).
 */
public record PhaseMemory(
        String name,
        long peakAllocated,
        long peakReserved,
        long endAllocated,
        long endReserved,
        String peakAt,
        String reservedAt) {
}
