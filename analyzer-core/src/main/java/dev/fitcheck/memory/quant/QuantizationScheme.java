package dev.fitcheck.memory.quant;

import dev.fitcheck.memory.Precision;
import java.util.List;
import java.util.Optional;

/**
 * How a model is loaded: the weight precision; for bitsandbytes, the dtype everything left
 * unquantized is stored and computed in, the 4-bit block size and double quantization; and
 * {@code skipModules}, transformers' {@code llm_int8_skip_modules}: empty means its default list
 * (the output embedding and tied weights), present <em>replaces</em> that default.
 */
public record QuantizationScheme(
        Precision weights,
        Precision computeDtype,
        int blocksize,
        boolean doubleQuant,
        Optional<List<String>> skipModules) {

    public QuantizationScheme {
        skipModules = skipModules.map(List::copyOf);
        if (computeDtype.quantized()) {
            throw new IllegalArgumentException("the compute dtype must be a float type, not " + computeDtype.label());
        }
    }

    public static QuantizationScheme full(Precision dtype) {
        return new QuantizationScheme(dtype, dtype, 64, false, Optional.empty());
    }

    /** LLM.int8 as {@code load_in_8bit=True} sets it up: fp16 for the rest. */
    public static QuantizationScheme int8(Optional<List<String>> skip) {
        return new QuantizationScheme(Precision.INT8, Precision.FP16, 64, false, skip);
    }

    /** NF4 with double quantization and fp16 compute, as Vidi's builder asks for {@code load_4bit}. */
    public static QuantizationScheme nf4(Optional<List<String>> skip) {
        return new QuantizationScheme(Precision.NF4, Precision.FP16, 64, true, skip);
    }

    /** The dtype of weights that are not quantized. */
    public Precision storedDtype() {
        return weights.quantized() ? computeDtype : weights;
    }
}
