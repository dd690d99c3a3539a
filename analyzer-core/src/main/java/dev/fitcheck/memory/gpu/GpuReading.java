package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;

/** One GPU as nvidia-smi reports it now. */
public record GpuReading(int index, String name, ByteSize total, ByteSize used, ByteSize free) {
}
