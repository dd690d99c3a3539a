package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.testing.TinyWheel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The env commands and `test`, in-process, on a workspace with a local wheelhouse and no index. */
class EnvCommandsTest {

    @TempDir
    Path dir;
    CliWorkspace ws;

    @BeforeEach
    void workspace() throws Exception {
        TinyWheel.of("beta", "1.0").writeTo(dir.resolve("wheels"));
        TinyWheel.of("beta", "2.0").writeTo(dir.resolve("wheels"));
        ws = new CliWorkspace(dir)
                .file("fitcheck.yaml", """
                        name: cli
                        machine:
                          find_links: [wheels]
                          no_index: true
                        models:
                          - name: m
                            path: m
                            python: "3.11"
                            manifests: [requirements.txt]
                            test:
                              command: [python, -c, "import beta, sys; print('beta', beta.__version__, sys.prefix)"]
                              timeout: 1m
                        """)
                .file("m/requirements.txt", "beta==1.0\n")
                .file("m/pkg/__init__.py", "import beta\n");
    }

    String w() {
        return dir.toString();
    }

    @Test
    void createPathListRunVerifyRemove() throws Exception {
        CliWorkspace.Result created = ws.run("env", "create", "m", "-w", w());
        assertThat(created.exit()).as(created.err()).isZero();
        Path link = dir.resolve(".fitcheck/envs/m");
        assertThat(created.out()).startsWith("m: created " + link + " in ").contains(" with uv");

        assertThat(ws.run("env", "path", "m", "-w", w()).out().strip()).isEqualTo(link.toString());
        assertThat(ws.run("env", "create", "m", "-w", w()).out()).startsWith("m: unchanged, reused " + link);
        assertThat(ws.run("env", "list", "-w", w()).out()).containsPattern("m +up to date +3\\.11\\.\\d+ +[0-9.]+ KiB +beta 1\\.0");

        CliWorkspace.Result ran = ws.run("env", "run", "m", "-w", w(), "--", "python", "-c",
                "import beta, sys; print(beta.__version__, sys.prefix)");
        assertThat(ran.exit()).isZero();
        assertThat(ran.out().strip()).isEqualTo("1.0 " + link);
        assertThat(ws.run("env", "run", "m", "-w", w(), "--", "python", "-c", "raise SystemExit(7)").exit()).isEqualTo(7);

        assertThat(ws.run("env", "verify", "m", "-w", w()).out())
                .isEqualTo("m: matches its lock " + dir.resolve(".fitcheck/locks/m.lock.json") + "\n");

        assertThat(ws.run("env", "remove", "m", "-w", w()).out()).isEqualTo("m: removed " + link + "\n");
        CliWorkspace.Result gone = ws.run("env", "path", "m", "-w", w());
        assertThat(gone.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(gone.err()).isEqualTo("fitcheck: no environment for m yet; run `fitcheck env create m`\n");

        // The lock survived the removal: --locked rebuilds exactly it.
        assertThat(ws.run("env", "create", "m", "--locked", "-w", w()).exit()).isZero();
        assertThat(ws.run("env", "run", "m", "-w", w(), "--", "python", "-c", "import beta; print(beta.__version__)")
                .out().strip()).isEqualTo("1.0");
    }

    @Test
    void verifyReportsDriftWithExitOne() throws Exception {
        assertThat(ws.run("env", "create", "m", "-w", w()).exit()).isZero();
        Path init = Files.list(dir.resolve(".fitcheck/envs/m/lib")).findFirst().orElseThrow()
                .resolve("site-packages/beta/__init__.py");
        // Replaced, not edited in place: uv hardlinks from its cache, which must stay as it is.
        Files.delete(init);
        Files.writeString(init, "__version__ = 'edited'\n");

        CliWorkspace.Result v = ws.run("env", "verify", "--all", "-w", w());

        assertThat(v.exit()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(v.out()).contains("m: 1 difference from its lock")
                .contains("  beta has files that differ from its RECORD: beta/__init__.py");
    }

    @Test
    void aFailedInstallIsExplainedAndExitsOne() throws Exception {
        ws.file("m/requirements.txt", "beta==3.0\n");

        CliWorkspace.Result r = ws.run("env", "create", "m", "-w", w());

        assertThat(r.exit()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.err()).contains("m: could not build the environment; the previous one, if any, is untouched")
                .contains("installing 1 requirement (uv pip install) failed (exit 1)")
                .contains("beta==3.0")
                .contains("full log: " + dir.resolve(".fitcheck/logs"));
    }

    @Test
    void mistakesAreOneSentenceWithExitTwo() {
        CliWorkspace.Result unknown = ws.run("env", "create", "n", "-w", w());
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("fitcheck: " + dir.resolve("fitcheck.yaml")
                + ": no model named 'n'; did you mean 'm'? (models: m)\n");

        CliWorkspace.Result none = ws.run("env", "create", "-w", w());
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).isEqualTo("fitcheck: name a model (m) or give --all\n");

        CliWorkspace.Result locked = ws.run("env", "create", "m", "--locked", "-w", w());
        assertThat(locked.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(locked.err()).contains("no lock for m at ").contains("run `fitcheck env create m` first");
    }

    @Test
    void testRunsTheStagesAndWritesJunit() throws Exception {
        Path xml = dir.resolve("reports/junit.xml");

        CliWorkspace.Result r = ws.run("test", "m", "-w", w(), "--junit", xml.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("  static +PASSED .* 1 of 1 packages in range")
                .containsPattern("  imports +PASSED .* 1 of 1 modules imported")
                .containsPattern("  inference +PASSED .* exit 0 in")
                .contains("m: PASSED");
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("3");
        assertThat(suites.getAttribute("failures")).isEqualTo("0");
        Path runs = dir.resolve(".fitcheck/runs/m");
        try (var s = Files.list(runs)) {
            Path run = s.findFirst().orElseThrow();
            assertThat(Files.readString(run.resolve("stdout.log"))).isEqualTo("beta 1.0 " + dir.resolve(".fitcheck/envs/m") + "\n");
            assertThat(run.resolve("result.json")).exists();
        }
    }

    @Test
    void withoutAnNvidiaDriverGpuIsAMissingTool() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.fitcheck.env.ExecutableLookup.fromEnvironment()
                .find("nvidia-smi").isEmpty(), "this machine has nvidia-smi");

        CliWorkspace.Result r = ws.run("test", "m", "--gpu", "-w", w());

        assertThat(r.exit()).isEqualTo(ExitCode.MISSING_TOOL);
        assertThat(r.err()).isEqualTo("fitcheck: --gpu needs an NVIDIA GPU and its nvidia-smi, which this machine does not have\n");
    }

    @Test
    void aPythonTheMachineLacksIsReplacedAndSaidSo() throws Exception {
        ws.file("fitcheck.yaml", Files.readString(dir.resolve("fitcheck.yaml")).replace("python: \"3.11\"", "python: \"3.99\""));

        CliWorkspace.Result created = ws.run("env", "create", "m", "-w", w());

        assertThat(created.exit()).isZero();
        assertThat(created.err()).containsPattern("m: Python 3\\.99 is not on this machine \\(looked on PATH, among "
                + "pyenv's and uv's interpreters\\); using CPython 3\\.\\d+\\.\\d+ \\(.*\\) instead");
        assertThat(ws.run("env", "list", "-w", w()).out()).containsPattern("m +up to date +3\\.\\d+\\.\\d+ \\(3\\.99 asked\\)");
    }
}
