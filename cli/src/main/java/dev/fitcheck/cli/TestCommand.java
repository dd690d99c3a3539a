package dev.fitcheck.cli;

import dev.fitcheck.env.CreateRequest;
import dev.fitcheck.env.Creation;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.env.JsonFiles;
import dev.fitcheck.env.MissingToolError;
import dev.fitcheck.run.Finding;
import dev.fitcheck.run.FailureRules;
import dev.fitcheck.run.GpuSampler;
import dev.fitcheck.run.JunitReport;
import dev.fitcheck.run.ServiceStep;
import dev.fitcheck.run.StageResult;
import dev.fitcheck.run.StageStatus;
import dev.fitcheck.run.StagedTestRunner;
import dev.fitcheck.run.TestListener;
import dev.fitcheck.run.TestRunRequest;
import dev.fitcheck.run.TestRunResult;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.ServiceSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fitcheck test MODEL...|--all}: the compatibility test run in each model's environment. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Test each model in its own environment (created or reused first): installed versions in "
                + "range, every module imports, and the declared inference command runs.",
                "Exit 1 when a stage failed; incomplete stages (packages absent on purpose) do not fail."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    ModelSelection models;
    @Mixin
    InstallerOptions installer;

    @Option(names = "--gpu", description = "Run inference commands that need the GPU (nvidia-smi must be present).")
    boolean gpu;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write the results as JUnit XML for CI.")
    Path junit;

    @Option(names = "--stop-services", description = "Stop the workspace's services before the test and restart them "
            + "afterwards, whatever happens (Ctrl-C included).")
    boolean stopServices;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnvSession session = new EnvSession(workspace.load());
        List<ModelSpec> selected = models.select(session.workspace);
        Optional<GpuSampler> sampler = Optional.empty();
        if (gpu) {
            Path smi = ExecutableLookup.fromEnvironment().find("nvidia-smi").orElseThrow(() -> new MissingToolError(
                    "--gpu needs an NVIDIA GPU and its nvidia-smi, which this machine does not have"));
            sampler = Optional.of(new GpuSampler(smi, session.runner, Duration.ofMillis(500), 0));
        }
        StagedTestRunner runner = new StagedTestRunner(session.analysis.effectiveRanges(), session.analysis.symbolHistory(),
                FailureRules.bundled(), session.runner, sampler, Clock.systemUTC());
        List<TestRunResult> results = new ArrayList<>();
        boolean failed = false;
        for (ModelSpec m : selected) {
            Optional<InstalledEnvironment> env = environment(session, m, err);
            if (env.isEmpty()) {
                failed = true;
                continue;
            }
            List<ServiceSpec> services = stopServices ? session.analysis.servicesToStop().choose(session.workspace, m)
                    : List.of();
            TestRunResult r = runner.run(new TestRunRequest(session.layout, m, env.get(), gpu, services,
                    json ? TestListener.SILENT : new Live(out, err, m.name())));
            results.add(r);
            failed |= r.status() == StageStatus.FAILED;
            if (!json) {
                out.println(m.name() + ": " + r.status().name() + " (" + Sizes.seconds(r.duration()) + "; run kept in "
                        + r.runDirectory() + ")");
            }
        }
        if (junit != null) {
            JunitReport.write(results, junit);
            if (!json) {
                out.println("JUnit XML: " + junit.toAbsolutePath());
            }
        }
        if (json) {
            out.println(JsonFiles.mapper().writeValueAsString(results));
        }
        return failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /** The model's environment, built first when it is missing or stale. */
    private Optional<InstalledEnvironment> environment(EnvSession session, ModelSpec m, PrintWriter err) {
        EnvironmentSpec s = session.plan(m, installer.overrides());
        InstallProgress progress = new InstallProgress(err, !json && InstallProgress.terminal());
        Creation c = session.environments.create(new CreateRequest(session.layout, List.of(s), false, progress, Map.of()))
                .creations().get(0);
        progress.finish();
        if (c.failed()) {
            err.println(m.name() + ": cannot test: the environment could not be built");
            c.failure().ifPresent(f -> err.println("  " + f.summary().replace("\n", "\n  ")));
            return Optional.empty();
        }
        if (!json) {
            err.println(m.name() + ": environment " + c.environment() + " ("
                    + (c.outcome() == Creation.Outcome.REUSED ? "reused" : "created") + ")");
            c.record().flatMap(r -> r.pythonNote()).ifPresent(n -> err.println(m.name() + ": " + n));
        }
        return InstalledEnvironment.current(session.layout, m.name());
    }

    /** Prints each stage as it finishes, and each service step. */
    private static final class Live implements TestListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final String model;

        Live(PrintWriter out, PrintWriter err, String model) {
            this.out = out;
            this.err = err;
            this.model = model;
        }

        @Override
        public void stageStarted(String stage) {
            err.println(model + ": " + stage + " ...");
            err.flush();
        }

        @Override
        public void stageFinished(StageResult r) {
            out.printf(Locale.ROOT, "  %-9s %-10s %7s  %s%n", r.name(), r.status().name(), Sizes.seconds(r.duration()),
                    r.summary());
            for (Finding f : r.findings()) {
                if (f.status() == StageStatus.PASSED) continue;
                out.println("      " + mark(f.status()) + " " + f.subject() + ": " + f.message());
                f.diagnosis().ifPresent(d -> {
                    out.println("        " + d.title() + ": " + d.diagnosis());
                    out.println("        fix: " + d.fix());
                });
            }
            out.flush();
        }

        @Override
        public void service(ServiceStep step) {
            out.println("  service  " + step.display());
            out.flush();
        }

        private static String mark(StageStatus s) {
            return s == StageStatus.FAILED ? "✗" : s == StageStatus.INCOMPLETE ? "…" : "-";
        }
    }
}
