package dev.fitcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the Maven command tests share: a settings file with the tests' own local repository
 * (~/.cache/fitcheck-test/m2, so downloads from Central are cached across runs and nothing the tests
 * publish lands in the user's ~/.m2), copies of fixture trees, and golden files.
 */
final class MavenFixtures {

    private MavenFixtures() {
    }

    static Path testLocalRepository() {
        return Path.of(System.getProperty("user.home"), ".cache", "fitcheck-test", "m2");
    }

    static Path testSettings(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("settings.xml");
            Files.writeString(file, "<settings><localRepository>" + testLocalRepository() + "</localRepository></settings>\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Path golden = CliRun.REPO.resolve("cli/src/test/resources/golden").resolve(name);
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
}
