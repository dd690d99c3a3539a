package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and restarting services with real commands that leave marks. */
class ServicePauseTest {

    @TempDir
    Path dir;

    ServiceSpec service(String name, String stop, String start) {
        return new ServiceSpec(name, "", Pattern.compile(name), Optional.empty(), List.of("sh", "-c", stop),
                start.isEmpty() ? List.of() : List.of("sh", "-c", start));
    }

    @Test
    void aServiceThatFailsToStopIsStillRestartedAndEachStepIsReported() throws Exception {
        Path log = dir.resolve("log");
        List<ServiceStep> reported = new ArrayList<>();
        ServicePause pause = new ServicePause(new ProcessRunner(), reported::add);
        List<ServiceSpec> services = List.of(
                service("tts", "echo stop-tts >> " + log, "echo start-tts >> " + log),
                service("ui", "echo 'no such container: ui' >&2; exit 3", "echo start-ui >> " + log),
                service("cron", "echo stop-cron >> " + log, ""));

        try (ShutdownActions shutdown = new ShutdownActions()) {
            pause.stop(services, shutdown);
            assertThat(Files.readAllLines(log)).containsExactly("stop-tts", "stop-cron");
        }

        assertThat(Files.readAllLines(log)).containsExactly("stop-tts", "stop-cron", "start-ui", "start-tts");
        assertThat(reported).extracting(ServiceStep::service, ServiceStep::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tts", ServiceStep.Action.STOP),
                org.assertj.core.groups.Tuple.tuple("ui", ServiceStep.Action.STOP),
                org.assertj.core.groups.Tuple.tuple("cron", ServiceStep.Action.STOP),
                org.assertj.core.groups.Tuple.tuple("ui", ServiceStep.Action.START),
                org.assertj.core.groups.Tuple.tuple("tts", ServiceStep.Action.START));
        assertThat(reported.get(1).display()).startsWith("could not stop ui: sh -c ").contains("(exit 3, ")
                .endsWith(": no such container: ui");
        assertThat(pause.steps()).hasSize(5);
        // Restarting again does nothing: each service is started once.
        pause.restart();
        assertThat(pause.steps()).hasSize(5);
    }
}
