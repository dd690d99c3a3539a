package dev.fitcheck.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Catalogues unpacked once: the JSON out of its gzip, and where each module's parts lie in it,
 * kept under the user's cache directory by the compressed file's content hash. A later read of the
 * same file takes both from there instead of inflating 13 MB and walking it byte by byte, which
 * was most of what a scan of one model spent on transformers' catalogue. Best effort: a cache that
 * cannot be written is not, and one that does not check out is not used.
 */
final class UnpackedCatalogues {

    private static final int MAGIC = 0x66636b31; // "fck1"

    /** What {@code lazyModules} found: per module its string id, presence and names spans; then the array's end. */
    record Unpacked(byte[] json, int[] spans) {
    }

    private UnpackedCatalogues() {
    }

    static String key(byte[] gz) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Under {@code $XDG_CACHE_HOME/fitcheck}, else {@code ~/.cache/fitcheck}, as env-manager's CacheLocation. */
    static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fitcheck").resolve("catalogues-unpacked");
    }

    static Optional<Unpacked> load(String key) {
        Path dir = directory();
        try {
            byte[] index = Files.readAllBytes(dir.resolve(key + ".idx"));
            byte[] json = Files.readAllBytes(dir.resolve(key + ".json"));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(index));
            if (in.readInt() != MAGIC || in.readInt() != json.length) return Optional.empty();
            int n = in.readInt();
            if (n < 1 || n > index.length / 4) return Optional.empty();
            int[] spans = new int[n];
            int last = 0;
            for (int i = 0; i < n; i++) {
                spans[i] = in.readInt();
                boolean offset = i == n - 1 || i % 5 != 0; // every field but the string id is an offset
                if (offset && (spans[i] < last || spans[i] > json.length)) return Optional.empty();
                if (offset) last = spans[i];
            }
            return Optional.of(new Unpacked(json, spans));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void store(String key, byte[] json, int[] spans) {
        Path dir = directory();
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(spans.length * 4 + 12);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(json.length);
            out.writeInt(spans.length);
            for (int s : spans) out.writeInt(s);
            out.flush();
            // the JSON first: an index is only ever found next to the JSON it describes
            ReplacedWhole.write(dir.resolve(key + ".json"), false, o -> o.write(json));
            ReplacedWhole.write(dir.resolve(key + ".idx"), false, o -> bytes.writeTo(o));
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: read the catalogue the long way next time too
        }
    }
}
