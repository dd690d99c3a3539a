package dev.fitcheck.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a lock records for each distribution, and how {@code env verify} checks it.
 *
 * <p>The digest is the SHA-256 of the sorted {@code path hash} pairs of the distribution's RECORD,
 * restricted to the wheel's own payload under site-packages. Left out, because the installer
 * writes them and they differ between uv and pip or between two environment paths: the
 * dist-info's INSTALLER, REQUESTED, RECORD, direct_url.json and uv's cache files, compiled
 * {@code __pycache__} files, and files outside site-packages (console scripts, whose first line
 * names the environment's interpreter). The same wheel installed by uv or by pip, anywhere, thus
 * has the same digest; another build of the same version does not. The RECORD is read rather than
 * the files, so that locking a base interpreter's torch (gigabytes) costs milliseconds;
 * {@link #modifiedFiles} checks the files themselves against their RECORD hashes.
 */
public final class DistributionDigest {

    private static final Set<String> INSTALLER_FILES = Set.of("INSTALLER", "REQUESTED", "RECORD",
            "direct_url.json", "uv_cache.json", "uv_build.json");

    private DistributionDigest() {
    }

    public static String of(InstalledDistribution dist) throws IOException {
        List<String> lines = new ArrayList<>();
        for (RecordFile.Entry e : payload(dist)) {
            lines.add(e.path() + " " + e.hash().orElse("-"));
        }
        lines.sort(null);
        return SpecFingerprint.sha256(String.join("\n", lines));
    }

    /** Payload files whose content no longer matches the hash in RECORD, or that are gone. */
    public static List<String> modifiedFiles(InstalledDistribution dist) throws IOException {
        List<String> modified = new ArrayList<>();
        Path root = dist.sitePackages();
        for (RecordFile.Entry e : payload(dist)) {
            if (e.hash().isEmpty() || !e.hash().get().startsWith("sha256=")) continue;
            Path file = root.resolve(e.path());
            String expected = e.hash().get().substring("sha256=".length());
            try {
                if (!expected.equals(urlsafeSha256(file))) {
                    modified.add(e.path());
                }
            } catch (NoSuchFileException ex) {
                modified.add(e.path() + " (missing)");
            }
        }
        return modified;
    }

    private static List<RecordFile.Entry> payload(InstalledDistribution dist) throws IOException {
        String distInfoName = dist.distInfo().getFileName().toString();
        List<RecordFile.Entry> out = new ArrayList<>();
        for (RecordFile.Entry e : RecordFile.read(dist.distInfo()).entries()) {
            String p = e.path().replace('\\', '/');
            if (p.startsWith("../") || p.startsWith("/") || p.contains("__pycache__/") || p.endsWith(".pyc")) {
                continue;
            }
            if (p.startsWith(distInfoName + "/") && INSTALLER_FILES.contains(p.substring(distInfoName.length() + 1))) {
                continue;
            }
            out.add(new RecordFile.Entry(p, e.hash(), e.size()));
        }
        return out;
    }

    static String urlsafeSha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
