package dev.fitcheck.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/** The files of one container (zip, tar, directory), each readable under the limits. */
interface EntrySource extends AutoCloseable {

    /** A regular file in the container; {@code crc} is -1 where the container keeps none. */
    record Entry(String path, long size, long compressedSize, long crc) {
    }

    List<Entry> entries();

    byte[] read(Entry e);

    List<String> warnings();

    @Override
    void close();

    /**
     * A path inside an archive made safe to reason about: forward slashes, no empty or {@code .}
     * segments. An absolute path or a {@code ..} segment means the archive tries to reach outside
     * itself, which no real distribution does: refused.
     */
    static String safePath(Path archive, String raw) {
        String p = raw.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw new ArchiveException(archive, archive + ": entry '" + raw + "' has an absolute path; refusing an archive that writes outside itself");
        }
        StringBuilder out = new StringBuilder();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                throw new ArchiveException(archive, archive + ": entry '" + raw + "' climbs out of the archive with '..'; refusing it");
            }
            if (out.length() > 0) out.append('/');
            out.append(seg);
        }
        return out.toString();
    }

    /**
     * Reads a stream fully, refusing more than the entry limit and counting toward the archive's
     * total; the CRC is checked where the container recorded one.
     */
    static byte[] readBounded(Path archive, Entry e, InputStream in, ArchiveLimits limits, AtomicLong total)
            throws IOException {
        if (e.size() > limits.maxEntryBytes()) {
            throw new EntryRefusedException(archive, archive + ": " + e.path() + " is " + e.size()
                    + " bytes, over the " + limits.maxEntryBytes() + "-byte limit for one file; skipped");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(32, Math.min(e.size(), limits.maxEntryBytes())));
        byte[] buf = new byte[1 << 16];
        long read = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            read += n;
            if (read > limits.maxEntryBytes()) {
                throw new EntryRefusedException(archive, archive + ": " + e.path() + " inflates past the "
                        + limits.maxEntryBytes() + "-byte limit for one file (its header said " + e.size() + "); skipped");
            }
            if (total.addAndGet(n) > limits.maxTotalBytes()) {
                throw new ArchiveException(archive, archive + ": inflates past " + limits.maxTotalBytes()
                        + " bytes in all; refusing it as a decompression bomb");
            }
            if (e.compressedSize() > 0 && read > ArchiveLimits.RATIO_FLOOR && read / e.compressedSize() > limits.maxRatio()) {
                throw new ArchiveException(archive, archive + ": " + e.path() + " inflates more than "
                        + limits.maxRatio() + " times its compressed size; refusing it as a decompression bomb");
            }
            out.write(buf, 0, n);
        }
        byte[] bytes = out.toByteArray();
        if (e.size() >= 0 && bytes.length != e.size()) {
            throw new ArchiveException(archive, archive + ": " + e.path() + " holds " + bytes.length
                    + " bytes but its header says " + e.size() + "; the archive is corrupt");
        }
        if (e.crc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != e.crc()) {
                throw new ArchiveException(archive, archive + ": " + e.path() + " fails its CRC check; the archive is corrupt");
            }
        }
        return bytes;
    }
}
