package dev.fitcheck.cli.peer;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throwaway virtual environment that holds one release of one package and nothing else
 * ({@code pip install --no-deps}): enough for a type checker to read the package's sources.
 * Cached by release; built in a temporary directory and renamed into place.
 */
public record ReleaseVenv(Path root) {

    public Path python() {
        return root.resolve("bin/python");
    }

    public static ReleaseVenv of(Path cache, String distribution, String version) throws IOException {
        Path root = cache.resolve(distribution + "-" + version);
        if (Files.isRegularFile(root.resolve("installed"))) {
            return new ReleaseVenv(root);
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, distribution + "-" + version + ".partial-");
        ProcessRunner runner = new ProcessRunner();
        must(runner.run(ExternalCommand.of("python3", "-m", "venv", "--without-pip", tmp.toString())));
        // The venv gets no pip of its own: the outer interpreter's pip installs into it through
        // --python (pip >= 22.3), which keeps the venv small and the install quick.
        must(runner.run(ExternalCommand.of("python3", "-m", "pip", "--python", tmp.resolve("bin/python").toString(),
                "install", "--quiet", "--no-deps", "--disable-pip-version-check", distribution + "==" + version)
                .withTimeout(Duration.ofMinutes(10))));
        Files.writeString(tmp.resolve("installed"), distribution + "==" + version + "\n");
        if (Files.exists(root)) {
            deleteTree(root); // a half-built one from an older layout: never trusted
        }
        Files.move(tmp, root);
        return new ReleaseVenv(root);
    }

    private static void must(CommandOutcome out) throws IOException {
        if (!out.succeeded()) {
            throw new IOException(out.command().display() + " failed:\n" + out.output());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
