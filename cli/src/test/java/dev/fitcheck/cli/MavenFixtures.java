package dev.fitcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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

    /** Deletes a tree that another test run on the same machine may be deleting too (the shared local repository). */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted((a, b) -> b.compareTo(a)).toList();
        } catch (NoSuchFileException | UncheckedIOException gone) {
            return; // deleted under the walk by the other run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException refilled) {
                // the other run published into it meanwhile: what it wrote is current, leave it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
