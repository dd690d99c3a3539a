package dev.fitcheck.memory.alloc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Replays allocations and frees the way PyTorch's CUDA caching allocator serves them
 * (c10/cuda/CUDACachingAllocator.cpp), to tell how much it reserves from the driver, which is what
 * other processes lose and what an out-of-memory error is about. The rules, one stream, no memory
 * pressure (nothing is released before the peak):
 * <ul>
 * <li>a request is rounded up to a multiple of 512 bytes; 1 MiB or less goes to the small pool,
 * more to the large pool;</li>
 * <li>the pool's smallest free block that is big enough is used (best fit, lowest address on ties),
 * and split when what remains is at least 512 bytes (small pool) or more than 1 MiB (large pool);
 * a remainder of 1 MiB or less stays with the block and counts as allocated;</li>
 * <li>on a miss the allocator asks the driver for a new segment: 2 MiB for the small pool, 20 MiB
 * for requests under 10 MiB, else the request rounded up to 2 MiB;</li>
 * <li>a freed block merges with free neighbours of its own segment and stays cached: it is reused
 * only for a request it can hold, so freed blocks that are each too small for the next large
 * request are kept while a new segment is reserved beside them (fragmentation);</li>
 * <li>with expandable segments each pool has one segment that grows at its end in pages (2 MiB
 * small, 20 MiB large): a miss maps only what the free block at the end lacks.</li>
 * </ul>
 * The large pool is replayed block by block. The small pool (tensors of 1 MiB or less: norms'
 * statistics, single-token activations) is counted, not placed: its reserve is its allocated
 * high-water mark rounded up to whole 2 MiB segments. Inference traces make hundreds of thousands
 * of such tensors and their fragmentation is worth a few MiB, so this keeps a whole-inference
 * replay at tens of milliseconds; {@link #exactSmallPool} replays it block by block instead.
 * Allocated bytes are counted by block, as {@code torch.cuda.memory_allocated()} counts them.
 */
public final class CachingAllocatorSimulation {

    public static final long MIB = 1024L * 1024;
    public static final long MIN_BLOCK = 512;
    public static final long SMALL_SIZE = MIB;
    public static final long SMALL_BUFFER = 2 * MIB;
    public static final long MIN_LARGE_ALLOC = 10 * MIB;
    public static final long ROUND_LARGE = 2 * MIB;
    public static final long LARGE_BUFFER = 20 * MIB;
    /** Address space kept between segments so that an expandable one never runs into the next. */
    private static final long ADDRESS_SPACING = 1L << 44;

    /** Smallest size first, then lowest address: the order the allocator's block set keeps. */
    private static final Comparator<Block> BEST_FIT = (x, y) -> x.size != y.size ? Long.compare(x.size, y.size)
            : Long.compare(x.address, y.address);

    private final AllocatorSettings settings;
    private final Pool small = new Pool(true);
    private final Pool large = new Pool(false);
    private Block[] handles = new Block[1024];
    private int[] freeHandles = new int[1024];
    private int freeHandleCount;
    private int handleCount = 1; // handle 0 is "no tensor"
    private final Block probe = new Block(null, Long.MIN_VALUE, 0);
    private long nextAddress = ADDRESS_SPACING;
    private long allocated;
    private long reserved;
    private long peakAllocated;
    private long peakReserved;
    private String site = "";
    private String peakAllocatedSite = "";
    private String lastGrowthSite = "";
    private int segments;

    private final boolean exactSmallPool;
    private long smallAllocated;
    private long smallReserved;
    private long[] smallSizes = new long[1024];

    public CachingAllocatorSimulation(AllocatorSettings settings) {
        this(settings, false);
    }

    private CachingAllocatorSimulation(AllocatorSettings settings, boolean exactSmallPool) {
        this.settings = settings;
        this.exactSmallPool = exactSmallPool;
    }

    /** A simulation that places small-pool blocks too (for checks against hand-computed sequences). */
    public static CachingAllocatorSimulation exactSmallPool(AllocatorSettings settings) {
        return new CachingAllocatorSimulation(settings, true);
    }

    /** Allocates {@code bytes} and returns a handle for {@link #free}; 0 bytes allocate nothing (handle 0). */
    public long malloc(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative allocation: " + bytes);
        }
        if (bytes == 0) {
            return 0;
        }
        long size = roundSize(bytes);
        if (size <= SMALL_SIZE && !exactSmallPool) {
            return countSmall(size);
        }
        Pool pool = size <= SMALL_SIZE ? small : large;
        probe.size = size;
        Block block = pool.free.ceiling(probe);
        if (block != null) {
            pool.free.remove(block);
        } else {
            block = settings.expandableSegments() ? grow(pool, size) : newSegment(pool, size);
        }
        long remaining = block.size - size;
        if (pool.small ? remaining >= MIN_BLOCK : remaining > SMALL_SIZE) {
            Block rest = new Block(block.segment, block.address + size, remaining);
            rest.prev = block;
            rest.next = block.next;
            if (block.next != null) {
                block.next.prev = rest;
            }
            block.next = rest;
            block.size = size;
            if (block.segment.last == block) {
                block.segment.last = rest;
            }
            rest.free = true;
            pool.free.add(rest);
        }
        block.free = false;
        allocated += block.size;
        if (allocated > peakAllocated) {
            peakAllocated = allocated;
            peakAllocatedSite = site;
        }
        int h = newHandle();
        handles[h] = block;
        return h;
    }

    private long countSmall(long size) {
        smallAllocated += size;
        allocated += size;
        if (allocated > peakAllocated) {
            peakAllocated = allocated;
            peakAllocatedSite = site;
        }
        long needed = roundUp(smallAllocated, SMALL_BUFFER);
        if (needed > smallReserved) {
            reserve(needed - smallReserved);
            smallReserved = needed;
        }
        int h = newHandle();
        smallSizes[h] = size;
        return h;
    }

    private int newHandle() {
        if (freeHandleCount > 0) {
            return freeHandles[--freeHandleCount];
        }
        if (handleCount == handles.length) {
            handles = java.util.Arrays.copyOf(handles, 2 * handles.length);
            freeHandles = java.util.Arrays.copyOf(freeHandles, 2 * freeHandles.length);
            smallSizes = java.util.Arrays.copyOf(smallSizes, 2 * smallSizes.length);
        }
        return handleCount++;
    }

    /** Frees what {@link #malloc} returned; the block goes back to its pool's cache, merged with free neighbours. */
    public void free(long handle) {
        if (handle == 0) {
            return;
        }
        Block block = handle < handleCount ? handles[(int) handle] : null;
        if (block == null && handle < handleCount && smallSizes[(int) handle] > 0) {
            long size = smallSizes[(int) handle];
            smallSizes[(int) handle] = 0;
            smallAllocated -= size;
            allocated -= size;
            freeHandles[freeHandleCount++] = (int) handle;
            return;
        }
        if (block == null) {
            throw new IllegalStateException("handle " + handle + " is not allocated");
        }
        handles[(int) handle] = null;
        freeHandles[freeHandleCount++] = (int) handle;
        allocated -= block.size;
        Pool pool = block.segment.pool;
        block.free = true;
        if (block.prev != null && block.prev.free) {
            Block p = block.prev;
            pool.free.remove(p);
            p.size += block.size;
            p.next = block.next;
            if (block.next != null) {
                block.next.prev = p;
            }
            if (block.segment.last == block) {
                block.segment.last = p;
            }
            block = p;
        }
        if (block.next != null && block.next.free) {
            Block n = block.next;
            pool.free.remove(n);
            block.size += n.size;
            block.next = n.next;
            if (n.next != null) {
                n.next.prev = block;
            }
            if (block.segment.last == n) {
                block.segment.last = block;
            }
        }
        pool.free.add(block);
    }

    /** torch.cuda.empty_cache(): segments with nothing allocated go back to the driver (mapped pages, when expandable). */
    public void emptyCache() {
        for (Pool pool : List.of(small, large)) {
            for (Block b : new ArrayList<>(pool.free)) {
                if (b.prev == null && b.next == null && !settings.expandableSegments()) {
                    pool.free.remove(b);
                    reserved -= b.size;
                    segments--;
                } else if (settings.expandableSegments() && b.next == null && b.segment.last == b) {
                    // the free tail is unmapped page by page
                    long page = pool.small ? SMALL_BUFFER : LARGE_BUFFER;
                    long start = roundUp(b.address, page);
                    long end = b.address + b.size;
                    if (end > start) {
                        pool.free.remove(b);
                        reserved -= end - start;
                        b.segment.mapped -= end - start;
                        b.size -= end - start;
                        if (b.size > 0) {
                            pool.free.add(b);
                        } else if (b.prev != null) {
                            b.prev.next = null;
                            b.segment.last = b.prev;
                        } else {
                            b.segment.last = null;
                        }
                    }
                }
            }
        }
    }

    /** torch.cuda.reset_peak_memory_stats(): the peaks restart from what is held now. */
    public void resetPeaks() {
        peakAllocated = allocated;
        peakReserved = reserved;
        peakAllocatedSite = site;
    }

    /** Names what the program is doing, so that peaks can say where they happened. */
    public void site(String where) {
        site = where;
    }

    public long allocated() {
        return allocated;
    }

    public long reserved() {
        return reserved;
    }

    public long peakAllocated() {
        return peakAllocated;
    }

    public long peakReserved() {
        return peakReserved;
    }

    public String peakAllocatedSite() {
        return peakAllocatedSite;
    }

    /** Where the last segment was reserved (or an expandable one grown): where the reserved peak was set. */
    public String lastGrowthSite() {
        return lastGrowthSite;
    }

    public int segments() {
        return segments;
    }

    public AllocatorSettings settings() {
        return settings;
    }

    /** The block size a request of {@code bytes} gets: a multiple of 512 bytes, at least 512. */
    public static long roundSize(long bytes) {
        return bytes < MIN_BLOCK ? MIN_BLOCK : roundUp(bytes, MIN_BLOCK);
    }

    /** What one cudaMalloc reserves for a request that found no cached block (default segments). */
    public static long segmentSize(long roundedSize) {
        if (roundedSize <= SMALL_SIZE) {
            return SMALL_BUFFER;
        }
        return roundedSize < MIN_LARGE_ALLOC ? LARGE_BUFFER : roundUp(roundedSize, ROUND_LARGE);
    }

    static long roundUp(long v, long unit) {
        return (v + unit - 1) / unit * unit;
    }

    private Block newSegment(Pool pool, long size) {
        long bytes = segmentSize(size);
        Segment s = new Segment(pool, nextAddress);
        nextAddress += roundUp(bytes, ROUND_LARGE) + ROUND_LARGE;
        Block b = new Block(s, s.base, bytes);
        s.last = b;
        s.mapped = bytes;
        reserve(bytes);
        segments++;
        return b;
    }

    /** Expandable segments: map pages at the end of the pool's one segment, growing its free tail in place. */
    private Block grow(Pool pool, long size) {
        if (pool.segment == null) {
            pool.segment = new Segment(pool, nextAddress);
            nextAddress += ADDRESS_SPACING;
            segments++;
        }
        Segment s = pool.segment;
        long page = pool.small ? SMALL_BUFFER : LARGE_BUFFER;
        Block tail = s.last;
        boolean tailFree = tail != null && tail.free;
        long have = tailFree ? tail.size : 0;
        long map = roundUp(size - have, page);
        reserve(map);
        long end = s.base + s.mapped;
        s.mapped += map;
        if (tailFree) {
            pool.free.remove(tail);
            tail.size += map;
            return tail;
        }
        Block b = new Block(s, end, map);
        b.prev = tail;
        if (tail != null) {
            tail.next = b;
        }
        s.last = b;
        return b;
    }

    private void reserve(long bytes) {
        reserved += bytes;
        lastGrowthSite = site;
        if (reserved > peakReserved) {
            peakReserved = reserved;
        }
    }

    private static final class Pool {
        final boolean small;
        final TreeSet<Block> free = new TreeSet<>(BEST_FIT);
        Segment segment;

        Pool(boolean small) {
            this.small = small;
        }
    }

    private static final class Segment {
        final Pool pool;
        final long base;
        long mapped;
        Block last;

        Segment(Pool pool, long base) {
            this.pool = pool;
            this.base = base;
        }
    }

    private static final class Block {
        final Segment segment;
        final long address;
        long size;
        boolean free;
        Block prev;
        Block next;

        Block(Segment segment, long address, long size) {
            this.segment = segment;
            this.address = address;
            this.size = size;
        }
    }
}
