package dev.fitcheck.report.chart;

import java.util.List;
import java.util.Objects;

/**
 * What the GPU memory chart draws: the card's capacity, what running services hold on it now, and
 * what each configuration of a model needs. {@code fitsNow} is the planner's verdict (it may keep a
 * margin), so the chart shows it rather than recomputing it.
 */
public record MemoryBars(String gpu, long capacityBytes, List<Segment> services, List<Configuration> configurations) {

    public MemoryBars {
        Objects.requireNonNull(gpu, "gpu");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException(gpu + ": capacity must be positive, not " + capacityBytes);
        }
        services = List.copyOf(services);
        configurations = List.copyOf(configurations);
    }

    /** Memory a running service holds now. */
    public record Segment(String name, long bytes) {
        public Segment {
            Objects.requireNonNull(name, "name");
            if (bytes < 0) throw new IllegalArgumentException(name + ": negative bytes " + bytes);
        }
    }

    /** What one way of running a model needs, and whether that fits next to the services now. */
    public record Configuration(String name, long needBytes, boolean fitsNow) {
        public Configuration {
            Objects.requireNonNull(name, "name");
            if (needBytes < 0) throw new IllegalArgumentException(name + ": negative bytes " + needBytes);
        }
    }

    public long usedBytes() {
        return services.stream().mapToLong(Segment::bytes).sum();
    }

    /** Capacity minus what the services hold; never below zero. */
    public long freeBytes() {
        return Math.max(0, capacityBytes - usedBytes());
    }
}
