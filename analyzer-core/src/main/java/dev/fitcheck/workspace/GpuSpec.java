package dev.fitcheck.workspace;

import dev.fitcheck.memory.ByteSize;

/**
 * The GPU as the user describes it. {@code model} is the name nvidia-smi prints (a key into
 * rules/gpus.yaml); {@code memory} the capacity, used when no live reading is possible.
 */
public record GpuSpec(String model, ByteSize memory) {
}
