package dev.fitcheck.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One GPU's memory as {@code nvidia-smi --query-gpu=memory.used,memory.total
 * --format=csv,noheader,nounits} prints it: one line per GPU, "used, total" in MiB.
 */
public record GpuMemoryReading(int gpu, long usedMiB, long totalMiB) {

    /** The readings of every GPU, or empty when the output is not that query's (an error message). */
    public static Optional<List<GpuMemoryReading>> parse(String output) {
        List<GpuMemoryReading> out = new ArrayList<>();
        int index = 0;
        for (String line : output.strip().split("\\R")) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",");
            if (cells.length != 2) return Optional.empty();
            try {
                out.add(new GpuMemoryReading(index++, Long.parseLong(cells[0].strip()), Long.parseLong(cells[1].strip())));
            } catch (NumberFormatException e) {
                // "[N/A]" or a driver error instead of figures
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
