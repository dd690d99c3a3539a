package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.env.CreateRequest;
import dev.fitcheck.env.Creation;
import dev.fitcheck.env.DeclaredRequirements;
import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.env.InstallListener;
import dev.fitcheck.env.InstallerKind;
import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.env.Installers;
import dev.fitcheck.env.LocalEnvironments;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.process.ProcessTree;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.testing.TinyWheel;
import dev.fitcheck.workspace.EnvironmentPolicy;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.TestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Whole test runs in a real uv environment. "alpha" stands for transformers (its 0.9 had a name
 * that 1.0 removed), "heavy" for torch: inherited, and the base interpreter lacks it.
 */
class StagedTestRunnerTest {

    @TempDir
    static Path workspace;
    static InstalledEnvironment env;
    static final DeclaredRequirements DECLARED = m -> TestModels.requirements("alpha==1.0", "heavy>=2");
    static final EnvironmentPolicy POLICY = new EnvironmentPolicy(Map.of(), List.of("heavy"), List.of());
    static final TestApiHistory ALPHA = new TestApiHistory("alpha", List.of("0.9", "1.0", "2.0"),
            Map.of("alpha.gone_name", TestApiHistory.range(0, 1)));

    final ProcessRunner runner = new ProcessRunner();

    @BeforeAll
    static void environment() throws Exception {
        Path wheels = workspace.resolve("wheels");
        TinyWheel.of("alpha", "1.0").requires("heavy>=2").writeTo(wheels);
        TinyWheel.of("heavy", "2.1").writeTo(wheels);
        ProcessRunner runner = new ProcessRunner();
        EnvironmentSpec spec = TestModels.spec("m", workspace, InstallerKind.UV, wheels, POLICY, "alpha==1.0", "heavy>=2");
        Creation c = new LocalEnvironments(new Installers(ExecutableLookup.fromEnvironment(), runner), Clock.systemUTC())
                .create(new CreateRequest(new EnvironmentLayout(workspace), List.of(spec), false, InstallListener.SILENT,
                        Map.of("UV_CACHE_DIR", workspace.resolve("uv-cache").toString())))
                .creations().get(0);
        assertThat(c.failure()).isEmpty();
        env = InstalledEnvironment.current(new EnvironmentLayout(workspace), "m").orElseThrow();
    }

    static ModelSpec model(String dir, Map<String, String> files, Optional<TestSpec> test) throws Exception {
        Path root = workspace.resolve(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return TestModels.model("m", root, POLICY, test);
    }

    static TestSpec command(Duration timeout, boolean gpu, String... argv) {
        return new TestSpec(List.of(), Optional.of(List.of(argv)), gpu, timeout, Map.of());
    }

    TestRunResult run(ModelSpec model, boolean gpu, Optional<GpuSampler> sampler) {
        return new StagedTestRunner(new DeclaredRanges(DECLARED), CatalogueSymbolHistory.of(List.of(ALPHA)),
                FailureRules.bundled(), runner, sampler, Clock.systemUTC())
                .run(new TestRunRequest(new EnvironmentLayout(workspace), model, env, gpu, List.of(), TestListener.SILENT));
    }

    @Test
    void stagesTellPassedFromIncompleteFromFailed() throws Exception {
        ModelSpec m = model("mixed", Map.of(
                "pkg/__init__.py", "",
                "pkg/good.py", "import alpha\n",
                "pkg/needs_heavy.py", "import heavy\n",
                "pkg/old_api.py", "from alpha import gone_name\n",
                "setup.py", "raise SystemExit('setup.py is never imported')\n"),
                Optional.of(command(Duration.ofMinutes(1), false, "python", "-c", "print('never runs')")));

        TestRunResult r = run(m, false, Optional.empty());

        StageResult st = r.stage(StageResult.STATIC).orElseThrow();
        assertThat(st.status()).isEqualTo(StageStatus.INCOMPLETE);
        assertThat(st.findings()).extracting(Finding::subject, Finding::status, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha", StageStatus.PASSED, "1.0 is in ==1.0"),
                org.assertj.core.groups.Tuple.tuple("heavy", StageStatus.INCOMPLETE, "absent (inherited from the base "
                        + "interpreter); the model needs >=2 (declared)"));

        StageResult imports = r.stage(StageResult.IMPORTS).orElseThrow();
        assertThat(imports.status()).isEqualTo(StageStatus.FAILED);
        assertThat(imports.summary()).isEqualTo("2 of 4 modules imported, 1 failed, 1 need packages absent on purpose");
        assertThat(imports.findings(StageStatus.INCOMPLETE)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pkg.needs_heavy");
            assertThat(f.message()).startsWith("incomplete (heavy absent: inherited, but the base interpreter lacks it): "
                    + "ModuleNotFoundError: No module named 'heavy' at pkg/needs_heavy.py:1");
        });
        assertThat(imports.findings(StageStatus.FAILED)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pkg.old_api");
            assertThat(f.diagnosis().orElseThrow().diagnosis())
                    .isEqualTo("gone_name exists in alpha 0.9 – 0.9; it was removed in 1.0 and 1.0 is installed");
        });
        assertThat(r.stage(StageResult.INFERENCE).orElseThrow().status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(r.status()).isEqualTo(StageStatus.FAILED);

        // Saved, and read back as the latest run.
        TestRunResult latest = new TestRunStore(new EnvironmentLayout(workspace)).latest("m").orElseThrow();
        assertThat(latest).isEqualTo(r);
        // Importing wrote no __pycache__ into the model's tree.
        assertThat(m.path().resolve("pkg/__pycache__")).doesNotExist();
    }

    @Test
    void aFailedPackageDoesNotSpoilTheImportsBelowIt() throws Exception {
        // As in Vidi: model/__init__.py needs torch; model/lmm is a namespace package (no __init__.py).
        ModelSpec m = model("namespace", Map.of(
                "model/__init__.py", "import heavy\n",
                "model/lmm/dattn/mistral.py", "import alpha\n"), Optional.empty());

        StageResult imports = run(m, false, Optional.empty()).stage(StageResult.IMPORTS).orElseThrow();

        assertThat(imports.status()).isEqualTo(StageStatus.INCOMPLETE);
        assertThat(imports.findings()).extracting(Finding::subject).containsExactly("model", "model.lmm.dattn.mistral");
        assertThat(imports.findings()).allSatisfy(f -> assertThat(f.message())
                .startsWith("incomplete (heavy absent: inherited, but the base interpreter lacks it): "
                        + "ModuleNotFoundError: No module named 'heavy' at model/__init__.py:1"));
    }

    @Test
    void aCleanModelRunsItsCommandInItsEnvironmentAndKeepsTheOutput() throws Exception {
        ModelSpec m = model("clean", Map.of("pkg/__init__.py", "import alpha\n"), Optional.of(command(
                Duration.ofMinutes(1), false, "python", "-c", "import alpha, os, sys; print('ran with alpha', "
                        + "alpha.__version__, sys.prefix, os.path.exists(sys.argv[1]))", "{helpers}/imports.py")));

        TestRunResult r = run(m, false, Optional.empty());

        assertThat(r.stages()).extracting(StageResult::status)
                .containsExactly(StageStatus.INCOMPLETE, StageStatus.PASSED, StageStatus.PASSED);
        assertThat(Files.readString(r.runDirectory().resolve("stdout.log")))
                .isEqualTo("ran with alpha 1.0 " + env.path() + " True\n");
    }

    @Test
    void aFailedCommandIsDiagnosedFromWhatItPrinted() throws Exception {
        ModelSpec m = model("dtype", Map.of("pkg/__init__.py", ""), Optional.of(command(Duration.ofMinutes(1), false,
                "python", "-c", "raise RuntimeError('self and mat2 must have the same dtype, but got Half and Byte')")));

        StageResult inference = run(m, false, Optional.empty()).stage(StageResult.INFERENCE).orElseThrow();

        assertThat(inference.status()).isEqualTo(StageStatus.FAILED);
        assertThat(inference.summary()).startsWith("exit 1 after").contains(": dtype mismatch from a quantized module");
        assertThat(inference.findings().get(0).diagnosis().orElseThrow().rule())
                .isEqualTo("quantized-module-outside-quantized-forward");
    }

    @Test
    void aCommandPastItsTimeLimitIsKilledWithEverythingItStarted() throws Exception {
        Path pidFile = workspace.resolve("child.pid");
        ModelSpec m = model("hang", Map.of("pkg/__init__.py", ""), Optional.of(command(Duration.ofSeconds(2), false,
                "python", "-c", "import subprocess, time; p = subprocess.Popen(['sleep', '300']); "
                        + "open(" + py(pidFile) + ", 'w').write(str(p.pid)); time.sleep(300)")));

        StageResult inference = run(m, false, Optional.empty()).stage(StageResult.INFERENCE).orElseThrow();

        assertThat(inference.status()).isEqualTo(StageStatus.FAILED);
        assertThat(inference.summary()).startsWith("timed out after 2s");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child).map(ProcessTree::isRunning).orElse(false)).isFalse();
    }

    @Test
    void aModuleThatKillsTheInterpreterIsReportedAndTheRestStillImported() throws Exception {
        ModelSpec m = model("crash", Map.of("pkg/__init__.py", "", "pkg/a_crash.py", "import os\nos._exit(3)\n",
                "pkg/b_after.py", "import alpha\n"), Optional.empty());

        StageResult imports = run(m, false, Optional.empty()).stage(StageResult.IMPORTS).orElseThrow();

        assertThat(imports.findings()).extracting(Finding::subject, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pkg", StageStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("pkg.a_crash", StageStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("pkg.b_after", StageStatus.PASSED));
        assertThat(imports.findings().get(1).message()).isEqualTo("the interpreter died importing it (exit 3)");
    }

    /**
     * The sampler's process control with a stand-in for nvidia-smi (this machine has no GPU):
     * a script that prints the query's format from a file the command writes. The parsing of the
     * real program's output is checked on the GPU machine (tag "gpu").
     */
    @Test
    void gpuMemoryIsSampledWhileTheCommandRuns() throws Exception {
        Path bin = Files.createDirectories(workspace.resolve("fake-bin"));
        Path used = workspace.resolve("used-mib");
        Files.writeString(used, "1000");
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\n[ \"$1\" = --query-gpu=memory.used,memory.total ] || exit 9\n"
                + "echo \"$(cat " + used + "), 24564\"\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        ModelSpec m = model("gpu", Map.of("pkg/__init__.py", ""), Optional.of(command(Duration.ofMinutes(1), true,
                "python", "-c", "import time\nfor mib in (3000, 9000, 5000):\n    open(" + py(used)
                        + ", 'w').write(str(mib)); time.sleep(0.6)")));

        TestRunResult r = run(m, true, Optional.of(new GpuSampler(smi, runner, Duration.ofMillis(100), 0)));

        GpuPeak g = r.gpu().orElseThrow();
        assertThat(g.baselineMiB()).isEqualTo(1000);
        assertThat(g.peakMiB()).isEqualTo(9000);
        assertThat(g.totalMiB()).isEqualTo(24564);
        assertThat(g.commandPeakMiB()).isEqualTo(8000);
        assertThat(r.stage(StageResult.INFERENCE).orElseThrow().summary())
                .contains("GPU 0 peak 9000 MiB of 24564 MiB (8000 MiB above the 1000 MiB in use before)");
    }

    @Test
    void aGpuCommandIsSkippedWithoutTheGpuFlag() throws Exception {
        ModelSpec m = model("needs-gpu", Map.of("pkg/__init__.py", ""),
                Optional.of(command(Duration.ofMinutes(1), true, "python", "-c", "pass")));

        StageResult inference = run(m, false, Optional.empty()).stage(StageResult.INFERENCE).orElseThrow();

        assertThat(inference.status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(inference.summary()).isEqualTo("the inference command needs the GPU; run `fitcheck test m --gpu`");
    }

    @Test
    void junitXmlIsValidAndCarriesEveryFinding() throws Exception {
        ModelSpec m = model("junit", Map.of("pkg/__init__.py", "", "pkg/old_api.py", "from alpha import gone_name\n",
                "pkg/odd.py", "raise ValueError('bad <xml> & \"quotes\" \\x1b[31m')\n"), Optional.empty());
        TestRunResult r = run(m, false, Optional.empty());
        Path xml = workspace.resolve("out/junit.xml");

        JunitReport.write(List.of(r), xml);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("fitcheck.m");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(6);
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        Element oldApi = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("imports: pkg.old_api")) oldApi = c;
        }
        assertThat(oldApi).isNotNull();
        Element failure = (Element) oldApi.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("missing-symbol");
        assertThat(failure.getTextContent()).contains("it was removed in 1.0 and 1.0 is installed");
    }

    private static String py(Path p) {
        return "'" + p.toString().replace("'", "\\'") + "'";
    }
}
