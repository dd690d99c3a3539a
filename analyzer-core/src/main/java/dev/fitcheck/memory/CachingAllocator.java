package dev.fitcheck.memory;

/**
 * How PyTorch's CUDA caching allocator rounds a request into what it reserves from the driver
 * (c10/cuda/CUDACachingAllocator.cpp): every block is a multiple of 512 bytes; requests of 1 MiB or
 * less share 2 MiB segments; larger ones under 10 MiB share 20 MiB segments; from 10 MiB on, a
 * request gets its own segment rounded up to 2 MiB. Budgets are against reserved memory, since
 * that is what other processes can no longer use.
 */
public final class CachingAllocator {

    public static final long MIN_BLOCK = 512;
    public static final long SMALL_SIZE = ByteSize.MIB;
    public static final long MIN_LARGE_ALLOC = 10 * ByteSize.MIB;
    public static final long ROUND_LARGE = 2 * ByteSize.MIB;

    private CachingAllocator() {
    }

    /** The block size the allocator hands out for a request of {@code bytes}. */
    public static long block(long bytes) {
        if (bytes <= 0) {
            return 0;
        }
        return roundUp(bytes, MIN_BLOCK);
    }

    /** Reserved bytes attributable to one long-lived tensor of {@code bytes}. */
    public static long reserved(long bytes) {
        long block = block(bytes);
        return block < MIN_LARGE_ALLOC ? block : roundUp(block, ROUND_LARGE);
    }

    static long roundUp(long v, long unit) {
        return (v + unit - 1) / unit * unit;
    }
}
