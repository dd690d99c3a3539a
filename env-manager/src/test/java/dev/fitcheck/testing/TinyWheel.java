package dev.fitcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a real, minimal wheel (PEP 427): a module, METADATA, WHEEL and a RECORD with the sha256 of
 * every file. uv and pip install it like any wheel from an index; no network, no build tool.
 */
public final class TinyWheel {

    private final String name;
    private final String version;
    private final List<String> requires = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private TinyWheel(String name, String version) {
        this.name = name;
        this.version = version;
        String module = name.replace('-', '_');
        files.put(module + "/__init__.py", "__version__ = \"" + version + "\"\n");
    }

    public static TinyWheel of(String name, String version) {
        return new TinyWheel(name, version);
    }

    public TinyWheel requires(String... requirements) {
        requires.addAll(List.of(requirements));
        return this;
    }

    /** Another file of the payload, such as a submodule or a module body with an import. */
    public TinyWheel file(String path, String content) {
        files.put(path, content);
        return this;
    }

    public String fileName() {
        return name.replace('-', '_') + "-" + version + "-py3-none-any.whl";
    }

    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String distInfo = name.replace('-', '_') + "-" + version + ".dist-info";
        Map<String, byte[]> all = new LinkedHashMap<>();
        files.forEach((p, c) -> all.put(p, c.getBytes(StandardCharsets.UTF_8)));
        StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        requires.forEach(r -> meta.append("Requires-Dist: ").append(r).append('\n'));
        meta.append("\nA tiny wheel written by fitcheck's tests.\n");
        all.put(distInfo + "/METADATA", meta.toString().getBytes(StandardCharsets.UTF_8));
        all.put(distInfo + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: fitcheck-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            record.append(e.getKey()).append(",sha256=").append(urlsafeSha256(e.getValue())).append(',')
                    .append(e.getValue().length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        all.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(fileName());
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    static String urlsafeSha256(byte[] data) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
