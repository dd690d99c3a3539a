package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;
import java.util.Optional;

/**
 * A process using the GPU: pid, name as nvidia-smi prints it, memory (empty where the driver
 * reports [N/A], as it does inside some containers) and its command line when it could be read.
 */
public record GpuProcess(long pid, String name, Optional<ByteSize> used, Optional<String> commandLine) {

    public GpuProcess withCommandLine(String cmd) {
        return new GpuProcess(pid, name, used, Optional.ofNullable(cmd));
    }
}
