package dev.fitcheck.memory.quant;

import dev.fitcheck.memory.arch.Role;

/** One part's weights under a scheme: parameters, how many were quantized, and bytes on the GPU. */
public record PartWeights(Role role, String description, long parameters, long quantizedParameters, long bytes) {
}
