package dev.fitcheck.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python helpers shipped inside fitcheck's jar ({@code python/fitcheck_helpers/}, listed in
 * its FILES), unpacked once per content into {@code .fitcheck/helpers/<hash>/} so that a model's
 * interpreter can run them. A directory named by the content's hash never changes, so two
 * fitcheck versions side by side never overwrite each other's helpers.
 */
public final class HelperScripts {

    private static final String ROOT = "python/fitcheck_helpers/";

    private HelperScripts() {
    }

    /** The unpacked {@code fitcheck_helpers} package directory under {@code stateDir}. */
    public static Path install(Path stateDir) {
        Map<String, byte[]> files = read();
        StringBuilder all = new StringBuilder();
        files.forEach((n, b) -> all.append(n).append('\0').append(new String(b, StandardCharsets.UTF_8)).append('\0'));
        String hash = sha256(all.toString()).substring(0, 16);
        Path dir = stateDir.resolve("helpers").resolve(hash);
        Path pkg = dir.resolve("fitcheck_helpers");
        if (Files.isDirectory(pkg)) {
            return pkg;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + hash);
            Path tmpPkg = Files.createDirectories(tmp.resolve("fitcheck_helpers"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(tmpPkg.resolve(f.getKey()), f.getValue());
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process unpacked the same content first; its copy is identical.
                deleteQuietly(tmp);
            }
            return pkg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack fitcheck's Python helpers into " + dir, e);
        }
    }

    private static Map<String, byte[]> read() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : list()) {
            files.put(name, resource(ROOT + name));
        }
        return files;
    }

    private static List<String> list() {
        String index = new String(resource(ROOT + "FILES"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        return names;
    }

    private static byte[] resource(String path) {
        try (InputStream in = HelperScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("fitcheck's jar lacks " + path + "; it was built without env-manager's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
