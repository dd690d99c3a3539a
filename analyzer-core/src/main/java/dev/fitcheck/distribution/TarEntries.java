package dev.fitcheck.distribution;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A gzip-compressed tar (an sdist), read in one pass since tar has no index: the entries that
 * {@code keep} selects are held in memory. The ratio limit applies to the whole stream.
 */
final class TarEntries implements EntrySource {

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, byte[]> contents = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    TarEntries(Path archive, ArchiveLimits limits, Predicate<String> keep) {
        AtomicLong total = new AtomicLong();
        try (CountingStream raw = new CountingStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int count = 0;
            for (TarArchiveEntry te; (te = tar.getNextEntry()) != null; ) {
                if (++count > limits.maxEntries()) {
                    throw new ArchiveException(archive, archive + ": more than " + limits.maxEntries() + " entries; refusing it");
                }
                if (te.isDirectory()) continue;
                String path = EntrySource.safePath(archive, te.getName());
                if (te.isSymbolicLink() || te.isLink()) {
                    warnings.add(archive + ": " + path + " is a link; skipped");
                    continue;
                }
                if (!te.isFile() || !keep.test(path)) continue;
                Entry e = new Entry(path, te.getSize(), -1, -1);
                byte[] bytes;
                try {
                    bytes = EntrySource.readBounded(archive, e, tar, limits, total);
                } catch (EntryRefusedException refused) {
                    warnings.add(refused.getMessage());
                    continue;
                }
                if (total.get() > ArchiveLimits.RATIO_FLOOR && total.get() / Math.max(1, raw.count) > limits.maxRatio()) {
                    throw new ArchiveException(archive, archive + ": inflates more than " + limits.maxRatio()
                            + " times its size; refusing it as a decompression bomb");
                }
                if (contents.putIfAbsent(path, bytes) == null) {
                    entries.add(e);
                } else {
                    warnings.add(archive + ": " + path + " appears twice; the first copy is read");
                }
            }
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(archive, archive + ": not a readable .tar.gz archive; it is corrupt or truncated ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public byte[] read(Entry e) {
        return contents.get(e.path());
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        contents.clear();
    }

    /** Counts the compressed bytes consumed, for the whole-stream ratio check. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
