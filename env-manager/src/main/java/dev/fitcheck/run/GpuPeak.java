package dev.fitcheck.run;

/**
 * GPU memory while a command ran, from nvidia-smi: what was in use just before it started, the
 * highest reading while it ran, the card's capacity (MiB), and how many readings there were. The
 * difference between peak and baseline is what the command itself took.
 */
public record GpuPeak(int gpu, long baselineMiB, long peakMiB, long totalMiB, int samples) {

    public long commandPeakMiB() {
        return Math.max(0, peakMiB - baselineMiB);
    }
}
