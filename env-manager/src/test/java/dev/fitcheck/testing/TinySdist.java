package dev.fitcheck.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a source distribution whose in-tree PEP 517 backend (stdlib only, no setuptools needed)
 * builds a one-module wheel. Before building it touches a marker file, and it can be told to take
 * a long time (like flash-attn compiling its kernels) or to fail with a message, so tests can
 * interrupt an installer midway or read its explanation of a failed build.
 */
public final class TinySdist {

    private final String name;
    private final String version;
    private Path startedMarker;
    private int buildSeconds;
    private String failure;

    private TinySdist(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static TinySdist of(String name, String version) {
        return new TinySdist(name, version);
    }

    /** The backend creates this file when its build starts. */
    public TinySdist marksStartAt(Path marker) {
        this.startedMarker = marker;
        return this;
    }

    public TinySdist takes(int seconds) {
        this.buildSeconds = seconds;
        return this;
    }

    public TinySdist failsWith(String message) {
        this.failure = message;
        return this;
    }

    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String module = name.replace('-', '_');
        String root = module + "-" + version;
        Map<String, String> files = new LinkedHashMap<>();
        files.put(root + "/PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        files.put(root + "/pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n\n"
                + "[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\".\"]\n");
        files.put(root + "/backend.py", backend(module));
        Path sdist = dir.resolve(root + ".tar.gz");
        try (OutputStream out = Files.newOutputStream(sdist);
                GZIPOutputStream gz = new GZIPOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return sdist;
    }

    private String backend(String module) {
        String marker = startedMarker == null ? "None" : pyString(startedMarker.toString());
        String fail = failure == null ? "None" : pyString(failure);
        return String.join("\n",
                "import base64, hashlib, os, sys, time, zipfile",
                "NAME, VERSION, MODULE = " + pyString(name) + ", " + pyString(version) + ", " + pyString(module),
                "MARKER, SECONDS, FAILURE = " + marker + ", " + buildSeconds + ", " + fail,
                "def get_requires_for_build_wheel(config_settings=None):",
                "    return []",
                "def get_requires_for_build_sdist(config_settings=None):",
                "    return []",
                "def build_sdist(sdist_directory, config_settings=None):",
                "    raise RuntimeError('not needed by the tests')",
                "def _digest(data):",
                "    return 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
                "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):",
                "    if MARKER:",
                "        open(MARKER, 'w').write(str(os.getpid()))",
                "    if SECONDS:",
                "        time.sleep(SECONDS)",
                "    if FAILURE:",
                "        print(FAILURE, file=sys.stderr)",
                "        raise SystemExit(1)",
                "    dist_info = MODULE + '-' + VERSION + '.dist-info'",
                "    files = {MODULE + '/__init__.py': ('__version__ = %r\\n' % VERSION).encode(),",
                "             dist_info + '/METADATA': ('Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n' % (NAME, VERSION)).encode(),",
                "             dist_info + '/WHEEL': b'Wheel-Version: 1.0\\nGenerator: tiny-backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n'}",
                "    record = ''.join('%s,%s,%d\\n' % (p, _digest(d), len(d)) for p, d in files.items()) + dist_info + '/RECORD,,\\n'",
                "    files[dist_info + '/RECORD'] = record.encode()",
                "    wheel = MODULE + '-' + VERSION + '-py3-none-any.whl'",
                "    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), 'w') as z:",
                "        for p, d in files.items():",
                "            z.writestr(p, d)",
                "    return wheel",
                "");
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
