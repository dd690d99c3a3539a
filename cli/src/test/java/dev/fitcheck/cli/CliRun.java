package dev.fitcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Fitcheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path repoRoot() {
        String p = System.getProperty("fitcheck.repo");
        return (p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    /** Settings with the tests' own local repository (~/.cache/fitcheck-test/m2), cached across runs. */
    static Path testSettings(Path dir) {
        Path local = Path.of(System.getProperty("user.home"), ".cache", "fitcheck-test", "m2");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("settings.xml");
            Files.writeString(file, "<settings><localRepository>" + local + "</localRepository></settings>\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path testLocalRepository() {
        return Path.of(System.getProperty("user.home"), ".cache", "fitcheck-test", "m2");
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares with a golden file; {@code -Dfitcheck.updateGolden=true} rewrites it instead. */
    static void assertGolden(String text, String name) {
        Path golden = repoRoot().resolve("cli/src/test/resources/golden").resolve(name);
        try {
            if (Boolean.getBoolean("fitcheck.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, text);
                return;
            }
            org.assertj.core.api.Assertions.assertThat(text)
                    .as("golden file %s (rerun with -Dfitcheck.updateGolden=true after checking the change)", golden)
                    .isEqualTo(Files.readString(golden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
