package dev.fitcheck.distribution;

/**
 * What an archive may cost to read. An entry over {@code maxEntryBytes} is skipped with a
 * warning; an archive whose entries inflate past {@code maxTotalBytes} in all, or an entry that
 * inflates more than {@code maxRatio} times its compressed size (beyond the first MiB), is refused:
 * those are decompression bombs, not Python packages.
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxEntries) {

    /** 32 MiB a file, 2 GiB in all, 100:1, 200,000 entries: far above any real wheel (transformers: 52 MB, 2,300 files). */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(32L << 20, 2L << 30, 100, 200_000);

    /** Below this many inflated bytes an entry's ratio is not judged (tiny files compress absurdly well). */
    static final long RATIO_FLOOR = 1L << 20;
}
