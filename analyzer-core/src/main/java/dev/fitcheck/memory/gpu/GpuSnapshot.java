package dev.fitcheck.memory.gpu;

import java.util.List;

/** The GPUs and the processes using them, at one moment. */
public record GpuSnapshot(List<GpuReading> gpus, List<GpuProcess> processes) {

    public GpuSnapshot {
        gpus = List.copyOf(gpus);
        processes = List.copyOf(processes);
    }
}
