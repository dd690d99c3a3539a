package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.process.ProcessTree;
import dev.fitcheck.testing.CreateEnvironmentMain;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.testing.TinySdist;
import dev.fitcheck.testing.TinyWheel;
import dev.fitcheck.workspace.EnvironmentPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment replaced while someone kills the installer, or fitcheck itself, midway: the
 * previous environment must keep working. And two creations of one model at once: one builds,
 * the other waits and reuses. The slow part is a real source build (an in-tree PEP 517 backend
 * that sleeps, as flash-attn compiles) so the kill lands inside the installer, not around it.
 */
class InterruptedCreationTest {

    @TempDir
    Path workspace;
    @TempDir
    Path scratch;
    Path wheels;
    Path cache;
    Path started;

    final ProcessRunner runner = new ProcessRunner();
    final LocalEnvironments envs = new LocalEnvironments(
            new Installers(ExecutableLookup.fromEnvironment(), runner), Clock.systemUTC());

    @BeforeEach
    void wheelhouse() throws Exception {
        wheels = scratch.resolve("wheels");
        cache = scratch.resolve("uv-cache");
        started = scratch.resolve("build-started");
        TinyWheel.of("beta", "1.0").writeTo(wheels);
        TinySdist.of("slow", "1.0").marksStartAt(started).takes(600).writeTo(wheels);
        TinySdist.of("steady", "1.0").marksStartAt(started).takes(3).writeTo(wheels);
    }

    EnvironmentLayout layout() {
        return new EnvironmentLayout(workspace);
    }

    EnvironmentSpec spec(InstallerKind installer, String... reqs) {
        return TestModels.spec("m", workspace, installer, wheels, EnvironmentPolicy.none(), reqs);
    }

    Creation create(EnvironmentSpec spec, InstallListener listener) {
        return envs.create(new CreateRequest(layout(), List.of(spec), false, listener,
                Map.of("UV_CACHE_DIR", cache.toString(), "PIP_CACHE_DIR", cache.resolve("pip").toString())))
                .creations().get(0);
    }

    String betaInCurrentEnvironment() throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of(layout().link("m").resolve("bin/python").toString(), "-c",
                "import beta; print(beta.__version__)"));
        return out.succeeded() ? out.stdout().strip() : "FAILED: " + out.output();
    }

    void awaitBuildStart() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(started)) {
            assertThat(System.nanoTime()).as("the slow build never started").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void killingTheInstallerMidwayLeavesThePreviousEnvironmentWorking() throws Exception {
        for (InstallerKind installer : InstallerKind.values()) {
            Files.deleteIfExists(started);
            assertThat(create(spec(installer, "beta==1.0"), InstallListener.SILENT).outcome())
                    .isNotEqualTo(Creation.Outcome.FAILED);
            Path before = layout().link("m").toRealPath();

            CompletableFuture<Creation> replacing = CompletableFuture.supplyAsync(
                    () -> create(spec(installer, "beta==1.0", "slow==1.0"), InstallListener.SILENT));
            awaitBuildStart();
            // The installer is the only thing this test process has started: kill all of it.
            ProcessHandle.current().children().forEach(p -> ProcessTree.kill(p, Duration.ofSeconds(2)));
            Creation c = replacing.get(60, TimeUnit.SECONDS);

            assertThat(c.outcome()).as(installer.name()).isEqualTo(Creation.Outcome.FAILED);
            assertThat(layout().link("m").toRealPath()).isEqualTo(before);
            assertThat(betaInCurrentEnvironment()).isEqualTo("1.0");
            assertThat(layout().builds("m")).containsExactly(before);
        }
    }

    @Test
    void killingFitcheckItselfMidwayLeavesThePreviousEnvironmentWorking() throws Exception {
        assertThat(create(spec(InstallerKind.UV, "beta==1.0"), InstallListener.SILENT).outcome())
                .isEqualTo(Creation.Outcome.CREATED);
        Path before = layout().link("m").toRealPath();

        Process other = new ProcessBuilder(CreateEnvironmentMain.command(workspace.toString(), wheels.toString(),
                cache.toString(), "UV", "m", "beta==1.0", "slow==1.0")).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("other.log").toFile()).start();
        awaitBuildStart();
        // SIGKILL: no finally block, no shutdown hook; the half-built directory stays behind.
        List<ProcessHandle> tree = ProcessTree.members(other.toHandle());
        other.destroyForcibly().waitFor();
        tree.forEach(ProcessHandle::destroyForcibly);

        assertThat(betaInCurrentEnvironment()).isEqualTo("1.0");
        assertThat(layout().link("m").toRealPath()).isEqualTo(before);
        assertThat(layout().builds("m")).hasSize(2).contains(before);

        // The next creation clears the debris and reuses what was working.
        assertThat(create(spec(InstallerKind.UV, "beta==1.0"), InstallListener.SILENT).outcome())
                .isEqualTo(Creation.Outcome.REUSED);
        assertThat(layout().builds("m")).containsExactly(before);
    }

    @Test
    void twoCreationsOfOneModelInOneProcessBuildOnceAndTheSecondWaits() throws Exception {
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        InstallListener listener = (model, message) -> phases.add(message);
        EnvironmentSpec spec = spec(InstallerKind.UV, "beta==1.0", "steady==1.0");

        CompletableFuture<Creation> a = CompletableFuture.supplyAsync(() -> create(spec, listener));
        awaitBuildStart();
        CompletableFuture<Creation> b = CompletableFuture.supplyAsync(() -> create(spec, listener));

        List<Creation.Outcome> outcomes = List.of(a.get(120, TimeUnit.SECONDS).outcome(),
                b.get(120, TimeUnit.SECONDS).outcome());
        assertThat(outcomes).containsExactly(Creation.Outcome.CREATED, Creation.Outcome.REUSED);
        assertThat(phases).anyMatch(p -> p.startsWith("waiting: another creation of m is running"));
        assertThat(layout().builds("m")).hasSize(1);
        assertThat(betaInCurrentEnvironment()).isEqualTo("1.0");
    }

    @Test
    void twoFitcheckProcessesCreatingOneModelBuildOnceAndTheSecondWaits() throws Exception {
        List<String> args = List.of(workspace.toString(), wheels.toString(), cache.toString(), "UV", "m",
                "beta==1.0", "steady==1.0");
        Process first = new ProcessBuilder(CreateEnvironmentMain.command(args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(scratch.resolve("first.log").toFile()).start();
        awaitBuildStart();
        Process second = new ProcessBuilder(CreateEnvironmentMain.command(args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(scratch.resolve("second.log").toFile()).start();

        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String firstLog = Files.readString(scratch.resolve("first.log"));
        String secondLog = Files.readString(scratch.resolve("second.log"));

        assertThat(firstLog).contains("outcome: CREATED");
        assertThat(secondLog).contains("waiting: another creation of m is running (another fitcheck process holds")
                .contains("outcome: REUSED");
        assertThat(layout().builds("m")).hasSize(1);
        assertThat(betaInCurrentEnvironment()).isEqualTo("1.0");
    }
}
