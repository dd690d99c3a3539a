package dev.fitcheck.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a real wheel (zip, METADATA, RECORD with sha256) from sources given as text, for tests. */
public final class TinyWheel {

    private final String name;
    private final String version;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final StringBuilder requires = new StringBuilder();

    private TinyWheel(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static TinyWheel of(String name, String version) {
        return new TinyWheel(name, version);
    }

    public TinyWheel file(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public TinyWheel bytes(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    public TinyWheel requires(String line) {
        requires.append("Requires-Dist: ").append(line).append('\n');
        return this;
    }

    public Path writeTo(Path dir) throws IOException {
        String dist = name.replace('-', '_');
        String info = dist + "-" + version + ".dist-info/";
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put(info + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n" + requires
                + "\nA long description.\n").getBytes(StandardCharsets.UTF_8));
        all.put(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: fitcheck-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            record.append(e.getKey()).append(",sha256=").append(sha256(e.getValue())).append(',')
                    .append(e.getValue().length).append('\n');
        }
        record.append(info).append("RECORD,,\n");
        all.put(info + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(dist + "-" + version + "-py3-none-any.whl");
        try (OutputStream raw = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static String sha256(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
