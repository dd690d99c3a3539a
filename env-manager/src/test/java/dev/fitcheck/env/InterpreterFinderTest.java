package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interpreter choice on a search path the test controls: a python3.11 that records each run (a
 * wrapper around the real one), a broken python3.10 (as a pyenv shim for an uninstalled version
 * is), and a cache of earlier answers.
 */
class InterpreterFinderTest {

    @TempDir
    Path dir;
    Path bin;
    Path runs;
    final ProcessRunner runner = new ProcessRunner();

    @BeforeEach
    void searchPath() throws Exception {
        bin = Files.createDirectories(dir.resolve("bin"));
        runs = dir.resolve("runs");
        Path real = TestModels.python().interpreter().realExecutable();
        script("python3.11", "echo run >> " + runs + "\nexec " + real + " \"$@\"");
        script("python3", "exec " + real + " \"$@\"");
        script("python3.10", "echo 'pyenv: python3.10: command not found' >&2\nexit 127");
    }

    void script(String name, String body) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    InterpreterFinder finder() {
        return new InterpreterFinder(new ExecutableLookup(bin.toString()), runner, Optional.empty(),
                Optional.of(new InterpreterCache(dir.resolve("cache.json"))));
    }

    long probes() throws Exception {
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    @Test
    void findsTheRequestedVersionAndRemembersIt() throws Exception {
        InterpreterChoice first = finder().find("3.11", Optional.empty());

        assertThat(first.interpreter().executable()).isEqualTo(bin.resolve("python3.11"));
        assertThat(first.interpreter().minorVersion()).isEqualTo("3.11");
        assertThat(first.note()).isEmpty();
        assertThat(probes()).isEqualTo(1);

        assertThat(finder().find("3.11", Optional.empty())).isEqualTo(first);
        assertThat(probes()).as("answered from the cache").isEqualTo(1);

        // Something new on the search path: look again.
        script("python3.12", "exit 1");
        finder().find("3.11", Optional.empty());
        assertThat(probes()).isEqualTo(2);
    }

    @Test
    void aVersionThisMachineLacksFallsBackToPython3AndSaysSo() {
        InterpreterChoice c = finder().find("3.10", Optional.empty());

        assertThat(c.interpreter().executable()).isEqualTo(bin.resolve("python3"));
        assertThat(c.matchesRequest()).isFalse();
        assertThat(c.note()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Python 3.10 is not on this machine (looked on PATH, among pyenv's and uv's interpreters); "
                        + "using CPython 3.11.")
                .endsWith("instead (with a network, `uv python install 3.10` provides it)"));
        assertThat(finder().find("3.10", Optional.empty())).isEqualTo(c);
    }

    @Test
    void theMachinesConfiguredInterpreterWinsAndABrokenOneIsAMissingTool() {
        InterpreterChoice c = finder().find("3.10", Optional.of(bin.resolve("python3.11")));
        assertThat(c.note()).hasValueSatisfying(n -> assertThat(n).startsWith("the model asks for Python 3.10; using "
                + "the machine's base interpreter CPython 3.11."));

        assertThatThrownBy(() -> finder().find("3.10", Optional.of(bin.resolve("python3.10"))))
                .isInstanceOf(MissingToolError.class).hasMessageContaining("does not run");
    }
}
