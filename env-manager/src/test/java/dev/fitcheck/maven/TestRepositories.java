package dev.fitcheck.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository's fixtures, and the settings files they resolve with: a
 * local repository of their own under ~/.cache/fitcheck-test (downloads from Central are cached
 * across runs, and nothing the tests publish lands in the user's ~/.m2).
 */
final class TestRepositories {

    private TestRepositories() {
    }

    static Path repoRoot() {
        String p = System.getProperty("fitcheck.repo");
        Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path fixture(String name) {
        return repoRoot().resolve("fixtures/maven").resolve(name);
    }

    static Path localRepository() {
        return Path.of(System.getProperty("user.home"), ".cache", "fitcheck-test", "m2");
    }

    /** A settings.xml with the test local repository and, when given, a mirror of every repository. */
    static Path settings(Path dir, Path localRepository, String mirrorUrl) {
        StringBuilder xml = new StringBuilder("""
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>%s</localRepository>
                """.formatted(localRepository));
        if (mirrorUrl != null) {
            xml.append("""
                      <mirrors>
                        <mirror>
                          <id>everything</id>
                          <mirrorOf>*</mirrorOf>
                          <url>%s</url>
                        </mirror>
                      </mirrors>
                    """.formatted(mirrorUrl));
        }
        xml.append("</settings>\n");
        try {
            Path file = dir.resolve("settings.xml");
            Files.createDirectories(dir);
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
