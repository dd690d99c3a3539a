package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;
import java.util.List;

/**
 * What one workspace service uses on the GPU: its matched processes and their memory
 * ({@code live}), or the memory fitcheck.yaml gives it when nothing live could be read.
 */
public record ServiceUsage(String service, List<Long> pids, ByteSize memory, boolean live) {

    public ServiceUsage {
        pids = List.copyOf(pids);
    }
}
