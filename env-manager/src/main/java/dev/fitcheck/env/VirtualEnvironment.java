package dev.fitcheck.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A virtual environment directory on disk: its interpreter, its site-packages, its pyvenv.cfg. */
public record VirtualEnvironment(Path directory) {

    public Path python() {
        Path win = directory.resolve("Scripts").resolve("python.exe");
        return Files.exists(win) ? win : directory.resolve("bin").resolve("python");
    }

    public Path bin() {
        return python().getParent();
    }

    /** {@code lib/pythonX.Y/site-packages}; empty before the environment exists. */
    public Optional<Path> sitePackages() {
        Path lib = directory.resolve("lib");
        if (!Files.isDirectory(lib)) {
            Path win = directory.resolve("Lib").resolve("site-packages");
            return Files.isDirectory(win) ? Optional.of(win) : Optional.empty();
        }
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().startsWith("python"))
                    .map(p -> p.resolve("site-packages")).filter(Files::isDirectory).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether packages of the base interpreter are visible (created with system site packages). */
    public boolean includesSystemSitePackages() {
        Path cfg = directory.resolve("pyvenv.cfg");
        try {
            for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("include-system-site-packages")) {
                    return kv[1].trim().equalsIgnoreCase("true");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * Whether the base interpreter's packages are visible: through system site packages, or
     * through fitcheck's .pth file when the base is itself a venv.
     */
    public boolean inheritsBase() {
        return includesSystemSitePackages()
                || sitePackages().map(s -> Files.exists(s.resolve(BaseInheritance.PTH))).orElse(false);
    }

    /** The interpreter runs: its link resolves to an existing file (checked without starting it). */
    public boolean interpreterPresent() {
        return Files.isRegularFile(python());
    }
}
