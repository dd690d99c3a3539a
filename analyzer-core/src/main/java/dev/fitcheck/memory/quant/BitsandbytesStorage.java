package dev.fitcheck.memory.quant;

import dev.fitcheck.memory.Precision;

/**
 * The bytes bitsandbytes keeps for one quantized Linear weight of {@code out × in} elements, from
 * its source (0.49, functional.py, nn/modules.py, backends/cuda/ops.py):
 * <ul>
 * <li>LLM.int8 ({@code Int8Params}): the int8 matrix ({@code CB}) plus {@code SCB}, one float32 scale
 * per output row.</li>
 * <li>4-bit ({@code Params4bit}, {@code quantize_4bit}): two values per byte, plus one float32 absmax
 * per block of {@code blocksize} (64) elements and the 16-entry float32 code table; with double
 * quantization the absmax values are themselves quantized to uint8 in blocks of 256
 * ({@code quantize_blockwise}), adding one float32 absmax per 256 blocks, the 256-entry float32
 * dynamic map copied per tensor and a float32 offset.</li>
 * </ul>
 */
public final class BitsandbytesStorage {

    private BitsandbytesStorage() {
    }

    public static long int8Bytes(long rows, long elements) {
        return elements + 4 * rows;
    }

    public static long fourBitBytes(long elements, int blocksize, boolean doubleQuant) {
        long packed = (elements + 1) / 2;
        long blocks = ceilDiv(elements, blocksize);
        long codeTable = 16 * 4;
        if (!doubleQuant) {
            return packed + 4 * blocks + codeTable;
        }
        long nestedBlocks = ceilDiv(blocks, 256);
        return packed + blocks + 4 * nestedBlocks + 256 * 4 + 4 + codeTable;
    }

    /** Bytes of a Linear weight of {@code rows × elements/rows} stored at {@code p}. */
    public static long bytes(Precision p, long rows, long elements, int blocksize, boolean doubleQuant) {
        return switch (p) {
            case INT8 -> int8Bytes(rows, elements);
            case NF4, FP4 -> fourBitBytes(elements, blocksize, doubleQuant);
            default -> elements * p.bytes();
        };
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
