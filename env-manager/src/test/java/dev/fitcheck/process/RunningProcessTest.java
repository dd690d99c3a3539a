package dev.fitcheck.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time limits end the whole tree a command started, detached grandchildren included. */
class RunningProcessTest {

    @TempDir
    Path dir;

    final ProcessRunner runner = new ProcessRunner();

    @Test
    void aTimeoutKillsTheCommandAndEveryProcessItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        // A shell with a background child, and a grandchild that leaves the tree (re-parented to
        // init when its parent subshell exits): only the process group still holds it.
        String script = "sleep 300 & echo $! >> " + pids + "; (sleep 300 & echo $! >> " + pids + ") ; sleep 300";
        RunningProcess p = runner.start(ExternalCommand.of("sh", "-c", script).withTimeout(Duration.ofSeconds(2)),
                OutputSink.NONE, true);

        CommandOutcome out = p.await();

        assertThat(out.timedOut()).isTrue();
        assertThat(out.succeeded()).isFalse();
        assertThat(out.elapsed()).isLessThan(Duration.ofSeconds(30));
        List<Long> started = Files.readAllLines(pids).stream().map(String::strip).map(Long::parseLong).toList();
        assertThat(started).hasSize(2);
        for (long pid : started) {
            assertThat(ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void outputArrivesLineByLineOnBothStreams() throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of("sh", "-c", "echo one; echo two >&2; echo three"));

        assertThat(out.succeeded()).isTrue();
        assertThat(out.stdout()).isEqualTo("one\nthree");
        assertThat(out.stderr()).isEqualTo("two");
    }

    @Test
    void variablesAreAddedAndRemoved() throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of("sh", "-c", "echo \"$FITCHECK_A-${HOME:-unset}\"")
                .withEnv("FITCHECK_A", "a").withoutEnv("HOME"));

        assertThat(out.stdout()).isEqualTo("a-unset");
    }
}
