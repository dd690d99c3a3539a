package dev.fitcheck.memory.inference;

/**
 * One phase of an inference (inputs, vision, audio, prefill, decode): its peak of allocated
 * bytes beyond the weights, and what it leaves allocated for the next phase.
 */
public record PhaseMemory(String name, long peakBytes, long residentAfter, String peakAt) {
}
