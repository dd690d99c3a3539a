package dev.fitcheck.memory.arch;

/**
 * What a tensor is to the code that holds it. Quantizers replace only {@code nn.Linear} modules,
 * so the planner must tell a Linear's weight from an embedding table or a norm of the same shape.
 */
public enum TensorKind {
    /** The weight of an {@code nn.Linear} (or a subclass such as MultiheadAttention's out_proj). */
    LINEAR_WEIGHT,
    /** A bias vector, of a Linear, a convolution or a layer norm. */
    BIAS,
    /** An embedding table: token, position or patch-position embeddings. */
    EMBEDDING,
    /** The scale of a LayerNorm or RMSNorm. */
    NORM,
    /** The kernel of a convolution (Conv1d, Conv2d): never replaced by bitsandbytes. */
    CONV,
    /** A bare parameter: a probe vector, MultiheadAttention's packed in_proj_weight, a class embedding. */
    PARAMETER
}
