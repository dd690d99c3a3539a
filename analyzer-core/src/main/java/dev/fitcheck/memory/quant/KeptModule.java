package dev.fitcheck.memory.quant;

/**
 * A module the scheme keeps in the compute dtype although it holds Linears: why, its Linear
 * parameters, the bytes it takes so, and the bytes it would take quantized (the difference is its cost).
 */
public record KeptModule(String module, String reason, long linearParameters, long bytesKept, long bytesIfQuantized) {

    public long cost() {
        return bytesKept - bytesIfQuantized;
    }
}
