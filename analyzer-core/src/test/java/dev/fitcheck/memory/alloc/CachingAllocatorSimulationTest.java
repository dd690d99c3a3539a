package dev.fitcheck.memory.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Short allocation sequences whose reserved totals follow by hand from the allocator's rules. */
class CachingAllocatorSimulationTest {

    static final long MIB = 1024L * 1024;

    static CachingAllocatorSimulation native_() {
        return CachingAllocatorSimulation.exactSmallPool(AllocatorSettings.NATIVE);
    }

    @Test
    void a_small_tensor_takes_512_bytes_of_a_2_mib_segment() {
        CachingAllocatorSimulation s = native_();
        s.malloc(100);
        assertThat(s.allocated()).isEqualTo(512);
        assertThat(s.reserved()).isEqualTo(2 * MIB);
        // 4095 more of 512 bytes fill the segment exactly; the next one needs a second
        for (int i = 0; i < 4095; i++) {
            s.malloc(512);
        }
        assertThat(s.reserved()).isEqualTo(2 * MIB);
        s.malloc(1);
        assertThat(s.reserved()).isEqualTo(4 * MIB);
    }

    @Test
    void requests_between_1_and_10_mib_share_20_mib_segments() {
        CachingAllocatorSimulation s = native_();
        for (int i = 0; i < 4; i++) {
            s.malloc(5 * MIB);
        }
        assertThat(s.reserved()).isEqualTo(20 * MIB);
        assertThat(s.segments()).isEqualTo(1);
        s.malloc(5 * MIB);
        assertThat(s.reserved()).isEqualTo(40 * MIB);
        assertThat(s.allocated()).isEqualTo(25 * MIB);
    }

    @Test
    void a_large_request_gets_its_own_segment_rounded_to_2_mib_and_keeps_a_remainder_of_1_mib_or_less() {
        CachingAllocatorSimulation s = native_();
        // 10 MiB + 1 byte: block 10 MiB + 512, segment 12 MiB; the 2 MiB - 512 left over is split off
        s.malloc(10 * MIB + 1);
        assertThat(s.reserved()).isEqualTo(12 * MIB);
        assertThat(s.allocated()).isEqualTo(10 * MIB + 512);
        // 11.5 MiB: segment 12 MiB, 0.5 MiB left is not split, so the block (and allocated) is 12 MiB
        CachingAllocatorSimulation t = native_();
        t.malloc(11 * MIB + MIB / 2);
        assertThat(t.allocated()).isEqualTo(12 * MIB);
        assertThat(t.reserved()).isEqualTo(12 * MIB);
    }

    @Test
    void a_freed_block_too_small_for_the_next_request_stays_reserved_beside_a_new_segment() {
        CachingAllocatorSimulation s = native_();
        long a = s.malloc(100 * MIB);
        s.malloc(50 * MIB);
        s.free(a);
        s.malloc(120 * MIB);
        // 100 (cached, free) + 50 + 120
        assertThat(s.reserved()).isEqualTo(270 * MIB);
        assertThat(s.allocated()).isEqualTo(170 * MIB);
        // a 90 MiB request fits the cached 100 MiB block: split, 10 MiB stays free, nothing new reserved
        s.malloc(90 * MIB);
        assertThat(s.reserved()).isEqualTo(270 * MIB);
        assertThat(s.peakReserved()).isEqualTo(270 * MIB);
    }

    @Test
    void best_fit_takes_the_smallest_free_block_that_is_big_enough() {
        CachingAllocatorSimulation s = native_();
        long x = s.malloc(30 * MIB);
        long y = s.malloc(50 * MIB);
        s.free(x);
        s.free(y);
        s.malloc(25 * MIB); // from the 30 MiB block: 5 MiB split off
        s.malloc(48 * MIB); // from the 50 MiB block: 2 MiB split off
        assertThat(s.reserved()).isEqualTo(80 * MIB);
        s.malloc(6 * MIB); // neither remainder holds it: a new 20 MiB segment
        assertThat(s.reserved()).isEqualTo(100 * MIB);
    }

    @Test
    void neighbours_freed_in_one_segment_merge_into_one_block() {
        CachingAllocatorSimulation s = native_();
        long a = s.malloc(5 * MIB);
        long b = s.malloc(5 * MIB);
        s.malloc(5 * MIB);
        s.free(b);
        s.free(a);
        // 10 MiB free at the start of the segment, 5 MiB free at its end: 9 MiB fits the merged block
        s.malloc(9 * MIB);
        assertThat(s.reserved()).isEqualTo(20 * MIB);
        assertThat(s.segments()).isEqualTo(1);
    }

    @Test
    void empty_cache_returns_wholly_free_segments() {
        CachingAllocatorSimulation s = native_();
        long a = s.malloc(100 * MIB);
        s.malloc(50 * MIB);
        s.free(a);
        s.emptyCache();
        assertThat(s.reserved()).isEqualTo(50 * MIB);
        assertThat(s.peakReserved()).isEqualTo(150 * MIB);
        s.resetPeaks();
        assertThat(s.peakReserved()).isEqualTo(50 * MIB);
    }

    @Test
    void expandable_segments_grow_the_free_tail_in_20_mib_pages() {
        CachingAllocatorSimulation s = CachingAllocatorSimulation.exactSmallPool(AllocatorSettings.EXPANDABLE);
        long a = s.malloc(100 * MIB);
        assertThat(s.reserved()).isEqualTo(100 * MIB);
        s.free(a);
        // the freed block is the segment's tail: 120 MiB maps one more page instead of a new segment
        s.malloc(120 * MIB);
        assertThat(s.reserved()).isEqualTo(120 * MIB);
        // the same sequence with default segments keeps both
        CachingAllocatorSimulation d = native_();
        d.free(d.malloc(100 * MIB));
        d.malloc(120 * MIB);
        assertThat(d.reserved()).isEqualTo(220 * MIB);
        // 5 MiB maps a whole 20 MiB page (pages, not per-request segments)
        s.malloc(5 * MIB);
        assertThat(s.reserved()).isEqualTo(140 * MIB);
        s.malloc(15 * MIB);
        assertThat(s.reserved()).isEqualTo(140 * MIB);
    }

    @Test
    void expandable_segments_still_keep_a_hole_that_is_not_at_the_end() {
        CachingAllocatorSimulation s = CachingAllocatorSimulation.exactSmallPool(AllocatorSettings.EXPANDABLE);
        long a = s.malloc(100 * MIB);
        s.malloc(60 * MIB);
        s.free(a);
        // 100 MiB free at the start, no free tail: 120 MiB maps 120 more
        s.malloc(120 * MIB);
        assertThat(s.reserved()).isEqualTo(280 * MIB);
    }

    @Test
    void the_counted_small_pool_reserves_its_high_water_mark_in_2_mib_segments() {
        CachingAllocatorSimulation s = new CachingAllocatorSimulation(AllocatorSettings.NATIVE);
        long[] h = new long[5];
        for (int i = 0; i < 5; i++) {
            h[i] = s.malloc(MIB / 2);
        }
        assertThat(s.reserved()).isEqualTo(4 * MIB);
        for (long x : h) {
            s.free(x);
        }
        s.malloc(MIB);
        assertThat(s.reserved()).isEqualTo(4 * MIB);
        assertThat(s.allocated()).isEqualTo(MIB);
    }

    @Test
    void freeing_twice_is_an_error() {
        CachingAllocatorSimulation s = native_();
        long a = s.malloc(30 * MIB);
        s.free(a);
        assertThatThrownBy(() -> s.free(a)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_allocator_setting_is_read_from_pytorch_cuda_alloc_conf() {
        assertThat(AllocatorSettings.fromAllocConf("")).isEqualTo(AllocatorSettings.NATIVE);
        assertThat(AllocatorSettings.fromAllocConf("max_split_size_mb:128,expandable_segments:True"))
                .isEqualTo(AllocatorSettings.EXPANDABLE);
        assertThat(AllocatorSettings.fromAllocConf("expandable_segments:False")).isEqualTo(AllocatorSettings.NATIVE);
        assertThat(AllocatorSettings.EXPANDABLE.allocConf()).isEqualTo("expandable_segments:True");
    }
}
