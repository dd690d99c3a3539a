package dev.fitcheck.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A zip (wheel or zipped sdist) read in place through its central directory; entries are read on demand, from any thread. */
final class ZipEntries implements EntrySource {

    private final Path archive;
    private final ArchiveLimits limits;
    private final ZipFile zip;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ZipArchiveEntry> byPath = new ConcurrentHashMap<>();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong total = new AtomicLong();

    ZipEntries(Path archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
        try {
            this.zip = ZipFile.builder().setPath(archive).get();
        } catch (IOException | RuntimeException e) {
            throw new ArchiveException(archive, archive + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        try {
            int count = 0;
            for (ZipArchiveEntry ze : Collections.list(zip.getEntries())) {
                if (++count > limits.maxEntries()) {
                    throw new ArchiveException(archive, archive + ": more than " + limits.maxEntries() + " entries; refusing it");
                }
                if (ze.isDirectory()) continue;
                String path = EntrySource.safePath(archive, ze.getName());
                if (ze.isUnixSymlink()) {
                    warnings.add(archive + ": " + path + " is a symbolic link; skipped");
                    continue;
                }
                if (byPath.putIfAbsent(path, ze) != null) {
                    warnings.add(archive + ": " + path + " appears twice; the first copy is read");
                    continue;
                }
                entries.add(new Entry(path, ze.getSize(), ze.getCompressedSize(), ze.getCrc()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public byte[] read(Entry e) {
        ZipArchiveEntry ze = byPath.get(e.path());
        try (InputStream in = zip.getInputStream(ze)) {
            if (in == null) {
                throw new ArchiveException(archive, archive + ": " + e.path() + " cannot be read");
            }
            return EntrySource.readBounded(archive, e, in, limits, total);
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof ArchiveException ae) throw ae;
            throw new ArchiveException(archive, archive + ": " + e.path() + " cannot be read; the archive is corrupt or truncated ("
                    + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        ZipFile.closeQuietly(zip);
    }
}
