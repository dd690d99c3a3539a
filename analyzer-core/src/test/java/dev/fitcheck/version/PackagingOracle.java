package dev.fitcheck.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Python's packaging, as pip 26.3 vendors it, answering a batch of PEP 440 questions in one
 * python3 process (see packaging_oracle.py).
 *
 * <p>The reference is pinned to one pip wheel, fetched once with pip itself (hash-checked) into
 * ~/.cache/fitcheck/packaging-reference, because the pip a machine happens to have may vendor an
 * old packaging: pip 23 ships packaging 21, whose pre-release and wildcard rules pip has since left.
 */
public final class PackagingOracle {

    public static final String PIP_VERSION = "26.3";
    static final String WHEEL = "pip-" + PIP_VERSION + "-py3-none-any.whl";
    static final String WHEEL_SHA256 = "f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackagingOracle() {
    }

    public static JsonNode ask(Object cases) throws IOException, InterruptedException {
        Path wheel = referenceWheel();
        Path script = Files.createTempFile("packaging_oracle", ".py");
        try (InputStream in = PackagingOracle.class.getResourceAsStream("packaging_oracle.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            byte[] input = JSON.writeValueAsBytes(cases);
            Process p = new ProcessBuilder("python3", script.toString(), wheel.toString()).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input);
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the packaging oracle did not answer within 10 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("the packaging oracle failed: " + new String(err.join(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(out.join());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The pinned pip wheel, downloaded by pip on first use and checked against its hash. */
    static Path referenceWheel() throws IOException, InterruptedException {
        Path dir = cacheRoot().resolve("packaging-reference");
        Path wheel = dir.resolve(WHEEL);
        if (Files.isRegularFile(wheel) && WHEEL_SHA256.equals(sha256(wheel))) {
            return wheel;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, "download-");
        try {
            Path requirements = tmp.resolve("requirements.txt");
            Files.writeString(requirements, "pip==" + PIP_VERSION + " --hash=sha256:" + WHEEL_SHA256 + "\n");
            Path downloads = Files.createDirectory(tmp.resolve("wheels"));
            Process p = new ProcessBuilder(List.of("python3", "-m", "pip", "download", "--quiet", "--no-deps",
                    "--only-binary=:all:", "--require-hashes", "-r", requirements.toString(), "-d", downloads.toString()))
                    .redirectErrorStream(true).start();
            byte[] log = readAll(p.getInputStream());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(downloads.resolve(WHEEL))) {
                throw new IllegalStateException("could not fetch the reference " + WHEEL + " with pip download: "
                        + new String(log, StandardCharsets.UTF_8));
            }
            Files.move(downloads.resolve(WHEEL), wheel, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return wheel;
        } finally {
            deleteTree(tmp);
        }
    }

    static Path cacheRoot() {
        String override = System.getenv("FITCHECK_CACHE");
        return override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "fitcheck");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
