package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test --stop-services} with real processes: each service's stop and start commands are
 * small shell commands that leave marker files, and the inference command checks that the
 * services are stopped while it runs.
 */
class StopServicesTest {

    @TempDir
    Path dir;

    void workspace(String inference) throws Exception {
        String d = dir.toString();
        new CliWorkspace(dir).file("fitcheck.yaml", """
                name: services
                services:
                  - name: svc-a
                    match: svc-a
                    stop: [sh, -c, "touch %1$s/stopped-a; echo stop-a >> %1$s/order"]
                    start: [sh, -c, "rm %1$s/stopped-a && touch %1$s/started-a; echo start-a >> %1$s/order"]
                  - name: svc-b
                    match: svc-b
                    stop: [sh, -c, "touch %1$s/stopped-b; echo stop-b >> %1$s/order"]
                    start: [sh, -c, "rm %1$s/stopped-b && touch %1$s/started-b; echo start-b >> %1$s/order"]
                models:
                  - name: m
                    path: m
                    python: "3.11"
                    test:
                      command: [python, -c, "%2$s"]
                      timeout: 5m
                """.formatted(d, inference)).file("m/pkg/__init__.py", "");
    }

    @Test
    void servicesAreStoppedForTheTestAndStartedAfterItInReverseOrder() throws Exception {
        workspace("import os, sys; sys.exit(0 if os.path.exists('" + dir + "/stopped-a') and os.path.exists('"
                + dir + "/stopped-b') else 5)");

        CliWorkspace.Result r = new CliWorkspace(dir).run("test", "m", "--stop-services", "-w", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("order"))).containsExactly("stop-a", "stop-b", "start-b", "start-a");
        assertThat(dir.resolve("started-a")).exists();
        assertThat(dir.resolve("stopped-a")).doesNotExist();
        assertThat(r.out()).contains("  service  stopped svc-a: sh -c touch " + dir + "/stopped-a; echo stop-a >> "
                + dir + "/order (exit 0, ").contains("  service  started svc-a: ");
    }

    @Test
    void ctrlCDuringTheTestStillRestartsTheServicesAndKillsTheTest() throws Exception {
        Path pid = dir.resolve("inference.pid");
        workspace("import os, time; open('" + pid + "', 'w').write(str(os.getpid())); time.sleep(300)");
        Path log = dir.resolve("fitcheck.out");
        Process fitcheck = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "test", "m", "--stop-services", "-w", dir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            assertThat(fitcheck.isAlive()).as("fitcheck ended early:\n" + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the inference command never started").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(dir.resolve("stopped-a")).exists();

        new ProcessBuilder("kill", "-INT", Long.toString(fitcheck.pid())).start().waitFor();

        assertThat(fitcheck.waitFor(60, TimeUnit.SECONDS)).as("fitcheck did not end after SIGINT").isTrue();
        String out = Files.readString(log);
        assertThat(Files.readAllLines(dir.resolve("order"))).as(out).containsExactly("stop-a", "stop-b", "start-b", "start-a");
        assertThat(dir.resolve("started-a")).exists();
        assertThat(dir.resolve("started-b")).exists();
        assertThat(out).contains("started svc-b").contains("started svc-a");
        long inference = Long.parseLong(Files.readString(pid).strip());
        assertThat(ProcessHandle.of(inference).map(ProcessTree::isRunning).orElse(false)).isFalse();
    }
}
