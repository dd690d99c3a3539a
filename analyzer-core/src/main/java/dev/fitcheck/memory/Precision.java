package dev.fitcheck.memory;

import java.util.Locale;

/**
 * How weights are stored: a float type (bytes per element), bitsandbytes' LLM.int8 ({@code INT8}),
 * or its 4-bit NormalFloat / FP4 ({@code NF4}, {@code FP4}).
 */
public enum Precision {
    FP32(4, "fp32"), BF16(2, "bf16"), FP16(2, "fp16"), INT8(1, "int8"), NF4(0, "nf4"), FP4(0, "fp4");

    private final int floatBytes;
    private final String label;

    Precision(int floatBytes, String label) {
        this.floatBytes = floatBytes;
        this.label = label;
    }

    public boolean quantized() {
        return this == INT8 || this == NF4 || this == FP4;
    }

    public boolean fourBit() {
        return this == NF4 || this == FP4;
    }

    /** Bytes per element of a float precision. */
    public int bytes() {
        if (quantized()) {
            throw new IllegalStateException(label + " has no fixed bytes per element; ask the quantization planner");
        }
        return floatBytes;
    }

    public String label() {
        return label;
    }

    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.label.equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + text + "'; expected fp32, bf16, fp16, int8, nf4 or fp4");
    }
}
