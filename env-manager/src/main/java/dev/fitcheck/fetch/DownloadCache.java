package dev.fitcheck.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Release files by content: {@code sha256/ab/abcd.../transformers-4.57.6-py3-none-any.whl}, with an
 * index {@code index/pypi/transformers/4.57.6.json} saying which file a release is. Files and index
 * entries are written to a temporary name and renamed, so an interrupted download leaves nothing
 * that looks complete.
 */
public final class DownloadCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public DownloadCache(Path root) {
        this.root = root;
    }

    public static DownloadCache standard() {
        return new DownloadCache(CacheLocation.downloads());
    }

    public Path root() {
        return root;
    }

    /** A fresh directory inside the cache for one download (same file system, so a rename moves it in). */
    Path newTempDir() throws IOException {
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, "pip-");
    }

    /** The cached file of a release, when the index names one that is still there with its size. */
    public Optional<FetchedRelease> lookup(String packageName, Version version) {
        Path index = indexFile(packageName, version);
        if (!Files.isRegularFile(index)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(index.toFile());
            Path file = root.resolve(n.path("file").asText());
            long size = n.path("size").asLong(-1);
            if (!file.normalize().startsWith(root.normalize()) || !Files.isRegularFile(file) || Files.size(file) != size) {
                return Optional.empty();
            }
            return Optional.of(new FetchedRelease(packageName, version, file, n.path("sha256").asText(), size,
                    n.path("wheel").asBoolean(), true));
        } catch (IOException e) {
            return Optional.empty(); // a damaged index entry: download again
        }
    }

    /** Moves a downloaded file into the cache under its content hash and records it for the release. */
    FetchedRelease store(String packageName, Version version, Path downloaded) throws IOException {
        String sha = sha256(downloaded);
        String name = downloaded.getFileName().toString();
        Path dir = root.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
        Path target = dir.resolve(name);
        Files.createDirectories(dir);
        if (!Files.isRegularFile(target) || Files.size(target) != Files.size(downloaded)) {
            move(downloaded, target);
        }
        long size = Files.size(target);
        boolean wheel = name.endsWith(".whl");
        ObjectNode n = JSON.createObjectNode();
        n.put("file", root.relativize(target).toString().replace('\\', '/'));
        n.put("sha256", sha);
        n.put("size", size);
        n.put("wheel", wheel);
        Path index = indexFile(packageName, version);
        Files.createDirectories(index.getParent());
        Path tmp = Files.createTempFile(index.getParent(), ".", ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), n);
            move(tmp, index);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new FetchedRelease(packageName, version, target, sha, size, wheel, false);
    }

    private Path indexFile(String packageName, Version version) {
        return root.resolve("index").resolve("pypi").resolve(packageName).resolve(version + ".json");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
                else Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
