package dev.fitcheck.memory.alloc;

import java.util.Locale;

/**
 * The caching allocator's configuration that changes how much it reserves: PyTorch's
 * {@code PYTORCH_CUDA_ALLOC_CONF}. {@code expandableSegments} maps one growing virtual segment per
 * pool in pages (2 MiB small pool, 20 MiB large pool) instead of one cudaMalloc per miss, so a block
 * freed at the end of the mapped range can grow in place, and reserved stays within a page of what
 * is allocated.
 */
public record AllocatorSettings(boolean expandableSegments) {

    public static final AllocatorSettings NATIVE = new AllocatorSettings(false);
    public static final AllocatorSettings EXPANDABLE = new AllocatorSettings(true);

    /**
     * Reads {@code PYTORCH_CUDA_ALLOC_CONF} as torch does for the one option modelled here
     * ("expandable_segments:True", comma-separated with others); absent or empty is the default.
     */
    public static AllocatorSettings fromAllocConf(String conf) {
        if (conf == null || conf.isBlank()) {
            return NATIVE;
        }
        boolean expandable = false;
        for (String option : conf.split(",")) {
            String[] kv = option.trim().split(":", 2);
            if (kv.length == 2 && kv[0].trim().equals("expandable_segments")) {
                expandable = kv[1].trim().toLowerCase(Locale.ROOT).equals("true");
            }
        }
        return new AllocatorSettings(expandable);
    }

    /** The value of PYTORCH_CUDA_ALLOC_CONF that selects this setting ("" for the default). */
    public String allocConf() {
        return expandableSegments ? "expandable_segments:True" : "";
    }

    public String label() {
        return expandableSegments ? "expandable segments" : "default segments";
    }
}
