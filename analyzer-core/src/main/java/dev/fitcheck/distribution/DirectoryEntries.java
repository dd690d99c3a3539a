package dev.fitcheck.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The files under a directory (an installed package, a source tree); links are not followed. */
final class DirectoryEntries implements EntrySource {

    private final Path root;
    private final ArchiveLimits limits;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong total = new AtomicLong();

    DirectoryEntries(Path root, ArchiveLimits limits) {
        this.root = root;
        this.limits = limits;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return dir.equals(root) || !(name.equals("__pycache__") || name.startsWith(".")) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) {
                        warnings.add(root + ": " + rel + " is a symbolic link; skipped");
                    } else if (attrs.isRegularFile()) {
                        if (entries.size() >= limits.maxEntries()) {
                            throw new ArchiveException(root, root + ": more than " + limits.maxEntries() + " files; refusing it");
                        }
                        entries.add(new Entry(rel, attrs.size(), -1, -1));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ArchiveException(root, root + ": cannot be read (" + e.getMessage() + ")", e);
        }
        entries.sort(java.util.Comparator.comparing(Entry::path));
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public byte[] read(Entry e) {
        Path file = root.resolve(e.path());
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return EntrySource.readBounded(root, e, in, limits, total);
        } catch (IOException ex) {
            throw new ArchiveException(root, file + ": cannot be read (" + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
    }
}
