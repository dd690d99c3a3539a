package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.testing.TinyWheel;
import dev.fitcheck.workspace.EnvironmentPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reuse, replacement, locks, drift and removal, on real uv environments from a wheelhouse. */
class LocalEnvironmentsTest {

    @TempDir
    static Path shared;
    static Path wheels;

    @TempDir
    Path workspace;

    final ProcessRunner runner = new ProcessRunner();
    final LocalEnvironments envs = new LocalEnvironments(
            new Installers(ExecutableLookup.fromEnvironment(), runner), Clock.systemUTC());

    @BeforeAll
    static void wheelhouse() throws Exception {
        wheels = shared.resolve("wheels");
        TinyWheel.of("alpha", "1.0").requires("beta").writeTo(wheels);
        TinyWheel.of("beta", "1.0").writeTo(wheels);
        TinyWheel.of("beta", "2.0").writeTo(wheels);
        TinyWheel.of("extra-tool", "0.1").writeTo(wheels);
    }

    EnvironmentLayout layout() {
        return new EnvironmentLayout(workspace);
    }

    EnvironmentSpec spec(String... reqs) {
        return TestModels.spec("m", workspace, InstallerKind.UV, wheels, EnvironmentPolicy.none(), reqs);
    }

    Path cache = shared.resolve("uv-cache");

    Creation create(EnvironmentSpec spec, boolean force) {
        return envs.create(new CreateRequest(layout(), List.of(spec), force, InstallListener.SILENT,
                Map.of("UV_CACHE_DIR", cache.toString()))).creations().get(0);
    }

    String python(String code) throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of(layout().link("m").resolve("bin/python").toString(), "-c", code));
        return out.succeeded() ? out.stdout().strip() : "FAILED: " + out.output();
    }

    @Test
    void anUnchangedSpecReusesTheEnvironmentAndAChangedOneReplacesIt() throws Exception {
        Creation first = create(spec("alpha==1.0", "beta==1.0"), false);
        Path firstBuild = layout().link("m").toRealPath();

        Creation again = create(spec("alpha==1.0", "beta==1.0"), false);

        assertThat(first.outcome()).isEqualTo(Creation.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(Creation.Outcome.REUSED);
        assertThat(layout().link("m").toRealPath()).isEqualTo(firstBuild);

        Creation changed = create(spec("alpha==1.0", "beta==2.0"), false);

        assertThat(changed.outcome()).isEqualTo(Creation.Outcome.CREATED);
        assertThat(python("import beta; print(beta.__version__)")).isEqualTo("2.0");
        assertThat(firstBuild).doesNotExist();
        assertThat(layout().builds("m")).containsExactly(layout().link("m").toRealPath());

        assertThat(create(spec("alpha==1.0", "beta==2.0"), true).outcome()).isEqualTo(Creation.Outcome.CREATED);
    }

    @Test
    void listSaysWhetherEachEnvironmentIsAbsentUpToDateOrStale() {
        assertThat(envs.list(layout(), List.of(spec("beta==1.0")))).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(EnvironmentStatus.State.ABSENT));
        create(spec("alpha==1.0", "beta==1.0"), false);

        EnvironmentStatus fresh = envs.list(layout(), List.of(spec("alpha==1.0", "beta==1.0"))).get(0);
        EnvironmentStatus stale = envs.list(layout(), List.of(spec("alpha==1.0", "beta==2.0"))).get(0);

        assertThat(fresh.state()).isEqualTo(EnvironmentStatus.State.UP_TO_DATE);
        assertThat(fresh.keyPackages()).containsExactly("alpha 1.0", "beta 1.0");
        assertThat(fresh.sizeBytes()).isPositive();
        assertThat(stale.state()).isEqualTo(EnvironmentStatus.State.STALE);
    }

    @Test
    void theLockRecordsExactVersionsAndLockedCreationReproducesThem() throws Exception {
        create(spec("alpha==1.0", "beta"), false);
        EnvironmentLock lock = LocalEnvironments.readLock(layout(), "m");
        assertThat(lock.distributions()).extracting(LockedDistribution::pin).containsExactly("alpha==1.0", "beta==2.0");

        // Remove it, then rebuild from the lock alone: the same builds come back.
        assertThat(envs.remove(layout(), "m")).isTrue();
        assertThat(layout().link("m")).doesNotExist();
        assertThat(layout().lockFile("m")).exists();
        Creation locked = create(spec("alpha==1.0", "beta").lockedTo(lock), false);

        assertThat(locked.outcome()).isEqualTo(Creation.Outcome.CREATED);
        assertThat(locked.record().orElseThrow().fromLock()).isTrue();
        assertThat(envs.verify(layout(), "m", true)).satisfies(v -> assertThat(v.clean()).as(v.toString()).isTrue());
        // An environment that already is the lock is kept.
        assertThat(create(spec("alpha==1.0", "beta").lockedTo(lock), false).outcome()).isEqualTo(Creation.Outcome.REUSED);
    }

    @Test
    void verifyReportsEveryKindOfDrift() throws Exception {
        // A cache of its own: uv hardlinks files from its cache, so the edit below edits the cache too.
        cache = workspace.resolve("own-cache");
        create(spec("alpha==1.0", "beta==1.0"), false);
        assertThat(envs.verify(layout(), "m", true).drift()).isEmpty();

        Path site = new VirtualEnvironment(layout().link("m")).sitePackages().orElseThrow();
        Files.writeString(site.resolve("alpha/__init__.py"), "__version__ = 'patched'\n");
        CommandOutcome added = runner.run(ExternalCommand.of("uv", "pip", "install", "--python",
                layout().link("m").resolve("bin/python").toString(), "--no-index", "--find-links", wheels.toString(),
                "extra-tool", "beta==2.0").withEnv("UV_CACHE_DIR", cache.toString()));
        assertThat(added.succeeded()).as(added.output()).isTrue();

        VerifyResult v = envs.verify(layout(), "m", true);

        assertThat(v.drift()).extracting(Drift::display).containsExactlyInAnyOrder(
                "alpha has files that differ from its RECORD: alpha/__init__.py",
                "beta is 2.0, the lock says 1.0",
                "extra-tool 0.1 is installed but not in the lock");
    }

    @Test
    void verifyWithoutALockOrEnvironmentSaysWhatToRun() {
        assertThat(envs.verify(layout(), "m", false).problem()).hasValueSatisfying(
                p -> assertThat(p).contains("no lock").contains("fitcheck env create m"));
    }
}
