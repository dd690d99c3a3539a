package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.run.DeclaredRanges;
import dev.fitcheck.run.Finding;
import dev.fitcheck.run.StageResult;
import dev.fitcheck.run.StageStatus;
import dev.fitcheck.run.StaticStage;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.workspace.EnvironmentPolicy;
import dev.fitcheck.workspace.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real environments from PyPI (needs the network; downloads are cached under
 * ~/.cache/fitcheck, so a second run takes seconds). The reference case: the two transformers
 * releases of Vidi 7B and 9B side by side, without torch; and accelerate, which depends on torch,
 * with torch inherited from a base interpreter that lacks it.
 */
@Tag("network")
class PyPiEnvironmentsTest {

    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "fitcheck");

    @TempDir
    Path workspace;

    final ProcessRunner runner = new ProcessRunner();
    final LocalEnvironments envs = new LocalEnvironments(new Installers(ExecutableLookup.fromEnvironment(), runner),
            Clock.systemUTC());
    final EnvironmentPolicy inheritTorch = new EnvironmentPolicy(Map.of(), List.of("torch", "torchvision", "torchaudio"),
            List.of("flash-attn"));

    ModelSpec model(String name, String requirements) throws Exception {
        Path dir = Files.createDirectories(workspace.resolve(name));
        Files.writeString(dir.resolve("requirements.txt"), requirements);
        return new ModelSpec(name, dir, List.of(dir.resolve("requirements.txt")), List.of(dir), "3.11",
                TestModels.model(name, dir, inheritTorch, Optional.empty()).card(), Optional.empty(), Optional.empty(),
                inheritTorch);
    }

    EnvironmentSpec spec(ModelSpec m, InstallerKind installer) {
        return new SpecBuilder().build(new SpecRequest(m, new ManifestRequirements().of(m), Map.of(),
                CudaPresence.absent("test"), TestModels.python(), IndexOptions.defaults(), installer));
    }

    List<Creation> create(List<EnvironmentSpec> specs) {
        return envs.create(new CreateRequest(new EnvironmentLayout(workspace), specs, false, InstallListener.SILENT,
                Map.of("UV_CACHE_DIR", CACHE.resolve("uv").toString(), "PIP_CACHE_DIR", CACHE.resolve("pip").toString())))
                .creations();
    }

    String python(String model, String code) throws Exception {
        CommandOutcome out = runner.run(ExternalCommand.of(
                new EnvironmentLayout(workspace).link(model).resolve("bin/python").toString(), "-c", code));
        assertThat(out.succeeded()).as(out.output()).isTrue();
        return out.stdout().strip();
    }

    @Test
    void twoTransformersReleasesSideBySideEachImportingItsOwn() throws Exception {
        ModelSpec v7 = model("vidi-7b", "transformers==4.44.2\ntorch==2.3.1\nflash-attn==2.6.3\n");
        ModelSpec v9 = model("vidi-9b", "transformers==4.57.6\n");

        List<Creation> first = create(List.of(spec(v7, InstallerKind.UV), spec(v9, InstallerKind.UV)));

        assertThat(first).allSatisfy(c -> assertThat(c.failure()).isEmpty());
        String code = "import transformers, importlib.util as u; print(transformers.__version__, u.find_spec('torch'))";
        assertThat(python("vidi-7b", code)).isEqualTo("4.44.2 None");
        assertThat(python("vidi-9b", code)).isEqualTo("4.57.6 None");

        InstalledEnvironment env7 = InstalledEnvironment.current(new EnvironmentLayout(workspace), "vidi-7b").orElseThrow();
        StageResult st = new StaticStage(new DeclaredRanges(new ManifestRequirements())).run(v7, env7);
        assertThat(st.findings()).extracting(Finding::subject, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("transformers", StageStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("torch", StageStatus.INCOMPLETE),
                org.assertj.core.groups.Tuple.tuple("flash-attn", StageStatus.INCOMPLETE));
        assertThat(st.findings().get(0).message()).isEqualTo("4.44.2 is in ==4.44.2");

        List<Creation> second = create(List.of(spec(v7, InstallerKind.UV), spec(v9, InstallerKind.UV)));
        assertThat(second).extracting(Creation::outcome).containsOnly(Creation.Outcome.REUSED);
    }

    /**
     * The critical case: a torch dependent on a machine without torch must not fetch torch. Each
     * installer gets an empty cache, so what it downloaded is what the cache holds afterwards.
     */
    @Test
    void aTorchDependentDoesNotBringTorchBackWithEitherInstaller() throws Exception {
        for (InstallerKind installer : InstallerKind.values()) {
            ModelSpec m = model("acc-" + installer.name().toLowerCase(), "accelerate==0.33.0\n");
            Path cache = Files.createDirectories(workspace.resolve("cache-" + installer.name().toLowerCase()));

            Creation c = envs.create(new CreateRequest(new EnvironmentLayout(workspace), List.of(spec(m, installer)),
                    false, InstallListener.SILENT, Map.of("UV_CACHE_DIR", cache.toString(), "PIP_CACHE_DIR",
                            cache.toString()))).creations().get(0);

            assertThat(c.failure()).as(installer.name()).isEmpty();
            assertThat(python(m.name(), "import importlib.util as u; print(u.find_spec('torch'), u.find_spec('triton'))"))
                    .isEqualTo("None None");
            assertThat(c.record().orElseThrow().unsatisfied()).singleElement().satisfies(u -> {
                assertThat(u.name().value()).isEqualTo("torch");
                assertThat(u.neededBy()).containsExactly("accelerate 0.33.0");
            });
            String log = Files.readString(c.record().orElseThrow().log());
            assertThat(log).as(installer.name()).doesNotContainPattern("(?m)^\\s*Downloading (torch|nvidia_|triton)-");
            try (var files = Files.walk(cache)) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                // uv keeps index pages as <name>.rkyv and wheels by distribution; pip hashes its keys.
                assertThat(all).as(installer.name()).noneMatch(p -> p.getFileName().toString().equals("torch.rkyv")
                        || p.toString().contains("/torch-") || p.toString().contains("/pypi/torch/"));
                // torch's wheel alone is over 500 MB; accelerate and its other dependencies are about 30 MB.
                assertThat(all.stream().mapToLong(p -> p.toFile().length()).sum()).as(installer.name())
                        .isLessThan(120L << 20);
            }
        }
    }
}
