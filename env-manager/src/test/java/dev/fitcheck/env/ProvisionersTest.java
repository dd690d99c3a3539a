package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.testing.TinySdist;
import dev.fitcheck.testing.TinyWheel;
import dev.fitcheck.workspace.EnvironmentPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both provisioners, on real wheels from a local wheelhouse with the index off. "heavy" stands
 * for torch: alpha depends on it, it depends on "cuda-libs" that nothing else needs, and it is in
 * the wheelhouse, so an installer that did not leave it out would install both.
 */
class ProvisionersTest {

    @TempDir
    static Path shared;
    static Path wheels;

    @TempDir
    Path workspace;

    final ProcessRunner runner = new ProcessRunner();
    final Installers installers = new Installers(ExecutableLookup.fromEnvironment(), runner);

    @BeforeAll
    static void wheelhouse() throws Exception {
        wheels = shared.resolve("wheels");
        TinyWheel.of("alpha", "1.0").requires("beta>=1.0", "heavy>=2").writeTo(wheels);
        TinyWheel.of("beta", "1.0").writeTo(wheels);
        TinyWheel.of("beta", "2.0").writeTo(wheels);
        TinyWheel.of("heavy", "2.1").requires("cuda-libs").writeTo(wheels);
        TinyWheel.of("cuda-libs", "12.1").writeTo(wheels);
        TinySdist.of("broken", "1.0").failsWith("fatal error: cuda_runtime.h: No such file or directory").writeTo(wheels);
    }

    Map<String, String> cache() {
        return Map.of("UV_CACHE_DIR", shared.resolve("uv-cache").toString(),
                "PIP_CACHE_DIR", shared.resolve("pip-cache").toString());
    }

    CreateResult create(EnvironmentSpec spec) {
        return new LocalEnvironments(installers, Clock.systemUTC()).create(
                new CreateRequest(new EnvironmentLayout(workspace), List.of(spec), false, InstallListener.SILENT, cache()));
    }

    String run(Path python, String code) throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of(python.toString(), "-c", code));
        return out.succeeded() ? out.stdout().strip() : "FAILED: " + out.output();
    }

    @ParameterizedTest
    @EnumSource(InstallerKind.class)
    void leavesInheritedPackagesAndWhatOnlyTheyNeedOutOfResolution(InstallerKind installer) throws Exception {
        EnvironmentSpec spec = TestModels.spec("m", workspace, installer, wheels,
                new EnvironmentPolicy(Map.of(), List.of("heavy"), List.of()), "alpha==1.0", "beta<2");

        Creation c = create(spec).creations().get(0);

        assertThat(c.failure()).isEmpty();
        assertThat(c.outcome()).isEqualTo(Creation.Outcome.CREATED);
        Path python = new EnvironmentLayout(workspace).link("m").resolve("bin/python");
        assertThat(run(python, "import alpha, beta; print(alpha.__version__, beta.__version__)")).isEqualTo("1.0 1.0");
        assertThat(run(python, "import importlib.util as u; print(u.find_spec('heavy'), u.find_spec('cuda_libs'))"))
                .isEqualTo("None None");
        EnvironmentRecord record = c.record().orElseThrow();
        assertThat(record.unsatisfied()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo(PackageName.of("heavy"));
            assertThat(u.neededBy()).containsExactly("alpha 1.0");
            assertThat(u.display()).isEqualTo("heavy: inherited, but the base interpreter lacks it; wanted by alpha 1.0");
        });
        assertThat(record.leftOut()).extracting(LeftOut::display)
                .containsExactly("heavy (inherited from the base interpreter)");
        // The venv sees the base interpreter's site-packages, as inheriting requires.
        assertThat(new VirtualEnvironment(python.getParent().getParent()).includesSystemSitePackages()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(InstallerKind.class)
    void summarisesAFailedBuildWithTheInstallersOwnExplanation(InstallerKind installer) throws Exception {
        EnvironmentSpec spec = TestModels.spec("m", workspace, installer, wheels, EnvironmentPolicy.none(),
                "beta==1.0", "broken==1.0");

        Creation c = create(spec).creations().get(0);

        assertThat(c.outcome()).isEqualTo(Creation.Outcome.FAILED);
        InstallFailure f = c.failure().orElseThrow();
        assertThat(String.join("\n", f.explanation())).contains("broken").contains("cuda_runtime.h: No such file");
        assertThat(f.log()).exists().startsWith(workspace.resolve(".fitcheck/logs"));
        assertThat(Files.readString(f.log())).contains("cuda_runtime.h");
        // Nothing half-built is left, and no environment was switched in.
        assertThat(new EnvironmentLayout(workspace).builds("m")).isEmpty();
        assertThat(new EnvironmentLayout(workspace).link("m")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(InstallerKind.class)
    void explainsAnUnsatisfiableConflict(InstallerKind installer) {
        EnvironmentSpec spec = TestModels.spec("m", workspace, installer, wheels, EnvironmentPolicy.none(),
                "beta==1.0", "beta>=2.0");

        InstallFailure f = create(spec).creations().get(0).failure().orElseThrow();

        assertThat(String.join("\n", f.explanation())).contains("beta").containsAnyOf("unsatisfiable", "conflict");
    }

    @org.junit.jupiter.api.Test
    void theSameWheelHasTheSameDigestWhicheverInstallerPutItThere() throws Exception {
        EnvironmentSpec uv = TestModels.spec("u", workspace, InstallerKind.UV, wheels, EnvironmentPolicy.none(), "beta==2.0");
        EnvironmentSpec pip = TestModels.spec("p", workspace, InstallerKind.PIP, wheels, EnvironmentPolicy.none(), "beta==2.0");
        assertThat(create(uv).anyFailed()).isFalse();
        assertThat(create(pip).anyFailed()).isFalse();
        EnvironmentLayout layout = new EnvironmentLayout(workspace);

        LockedDistribution fromUv = LocalEnvironments.readLock(layout, "u").find(PackageName.of("beta")).orElseThrow();
        LockedDistribution fromPip = LocalEnvironments.readLock(layout, "p").find(PackageName.of("beta")).orElseThrow();

        assertThat(fromUv.version()).isEqualTo("2.0");
        assertThat(fromUv.digest()).hasSize(64).isEqualTo(fromPip.digest());
        // pip seeds itself into its venv; the lock records it like any other distribution.
        assertThat(LocalEnvironments.readLock(layout, "p").find(PackageName.of("pip"))).isPresent();
        assertThat(LocalEnvironments.readLock(layout, "u").find(PackageName.of("pip"))).isEmpty();
    }

    /**
     * A base interpreter that is itself a venv (GPU images keep torch in /opt/torch/.venv): the
     * environment sees the base venv's packages, after its own.
     */
    @ParameterizedTest
    @EnumSource(InstallerKind.class)
    void inheritsFromABaseThatIsItselfAVirtualEnvironment(InstallerKind installer) throws Exception {
        Path base = shared.resolve("base-venv-" + installer);
        if (!Files.exists(base)) {
            CommandOutcome made = runner.run(ExternalCommand.of("uv", "venv", base.toString(), "--python",
                    TestModels.python().interpreter().realExecutable().toString()));
            assertThat(made.succeeded()).as(made.output()).isTrue();
            CommandOutcome filled = runner.run(ExternalCommand.of("uv", "pip", "install", "--python",
                    base.resolve("bin/python").toString(), "--no-index", "--find-links", wheels.toString(),
                    "heavy==2.1", "cuda-libs", "beta==2.0").withEnv(cache()));
            assertThat(filled.succeeded()).as(filled.output()).isTrue();
        }
        InterpreterChoice baseChoice = new InterpreterFinder(ExecutableLookup.fromEnvironment(), runner,
                java.util.Optional.empty()).find("3.11", java.util.Optional.of(base.resolve("bin/python")));
        assertThat(baseChoice.interpreter().virtualEnvironment()).isTrue();
        EnvironmentSpec spec = new SpecBuilder().build(new SpecRequest(TestModels.model("m", workspace,
                new EnvironmentPolicy(Map.of(), List.of("heavy"), List.of()), java.util.Optional.empty()),
                TestModels.requirements("alpha==1.0", "beta==1.0"), Map.of(), CudaPresence.absent("test"), baseChoice,
                new IndexOptions(List.of(wheels), true, java.util.Optional.empty(), List.of()), installer));

        Creation c = create(spec).creations().get(0);

        assertThat(c.failure()).isEmpty();
        Path python = new EnvironmentLayout(workspace).link("m").resolve("bin/python");
        assertThat(run(python, "import alpha, beta, heavy; print(alpha.__version__, beta.__version__, heavy.__version__)"))
                .isEqualTo("1.0 1.0 2.1");
        assertThat(c.record().orElseThrow().unsatisfied()).isEmpty();
        EnvironmentLock lock = LocalEnvironments.readLock(new EnvironmentLayout(workspace), "m");
        assertThat(lock.find(PackageName.of("heavy")).orElseThrow().source()).isEqualTo(LockedDistribution.Source.BASE);
        assertThat(lock.find(PackageName.of("cuda-libs")).orElseThrow().source()).isEqualTo(LockedDistribution.Source.BASE);
        assertThat(lock.find(PackageName.of("beta")).orElseThrow().version()).isEqualTo("1.0");
    }
}
