package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;
import java.util.Map;
import java.util.Optional;

/**
 * A GPU model from rules/gpus.yaml: its memory, bandwidth and the CUDA context a PyTorch process
 * holds on it (empty until measured), with the source of each figure (datasheet, measured, unmeasured).
 */
public record GpuKind(String name, ByteSize memory, double bandwidthGBs, Optional<ByteSize> context,
        Map<String, String> sources) {

    public GpuKind {
        sources = Map.copyOf(sources);
    }
}
