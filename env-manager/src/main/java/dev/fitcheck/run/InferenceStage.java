package dev.fitcheck.run;

import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.OutputLine;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.process.RunningProcess;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.TestSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stage (c): the model's declared inference command, in its environment, from the model's
 * directory, with the test's time limit. {@code python} at the head of the command is the
 * environment's interpreter; the environment's bin directory leads PATH; {@code {helpers}} in an
 * argument is the directory of fitcheck's Python helpers (the memory probe is
 * {@code {helpers}/probe.py}). The command leads its own
 * process group, and on timeout (or Ctrl-C) its whole tree is killed. Its output is kept in the
 * run directory (stdout.log, stderr.log); GPU memory is sampled while it runs; a failure is
 * explained by the {@link FailureClassifier}.
 */
public final class InferenceStage {

    private final ProcessRunner runner;
    private final FailureClassifier classifier;
    private final Optional<GpuSampler> sampler;

    public InferenceStage(ProcessRunner runner, FailureClassifier classifier, Optional<GpuSampler> sampler) {
        this.runner = runner;
        this.classifier = classifier;
        this.sampler = sampler;
    }

    /** The stage's result and the GPU peak while it ran. */
    public record Outcome(StageResult stage, Optional<GpuPeak> gpu) {
    }

    /** In a test command, the directory of fitcheck's Python helpers ({@code {helpers}/probe.py}). */
    public static final String HELPERS = "{helpers}";

    public Outcome run(ModelSpec model, TestSpec test, InstalledEnvironment env, Path runDir, Path helpers,
            ShutdownActions shutdown, Consumer<OutputLine> live) {
        List<String> argv = new ArrayList<>();
        for (String a : test.command().orElseThrow()) {
            argv.add(a.replace(HELPERS, helpers.toString()));
        }
        if (argv.get(0).equals("python") || argv.get(0).equals("python3")) {
            argv.set(0, env.python().toString());
        }
        String path = env.venv().bin() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        ExternalCommand cmd = ExternalCommand.of(argv).in(model.path()).withEnv(Map.of(
                        "PATH", path,
                        "VIRTUAL_ENV", env.path().toString(),
                        "PYTHONUNBUFFERED", "1"))
                .withoutEnv("PYTHONHOME").withoutEnv("PYTHONPATH")
                .withEnv(test.env())
                .withTimeout(test.timeout());
        long start = System.nanoTime();
        Optional<GpuSampler.Sampling> sampling = sampler.map(GpuSampler::start);
        CommandOutcome out;
        try (BufferedWriter stdout = Files.newBufferedWriter(runDir.resolve("stdout.log"), StandardCharsets.UTF_8);
                BufferedWriter stderr = Files.newBufferedWriter(runDir.resolve("stderr.log"), StandardCharsets.UTF_8)) {
            RunningProcess p = runner.start(cmd, line -> {
                BufferedWriter w = line.stream() == OutputLine.Stream.STDOUT ? stdout : stderr;
                synchronized (w) {
                    try {
                        w.write(line.text());
                        w.write('\n');
                        w.flush();
                    } catch (IOException e) {
                        // a full disk loses log lines, not the run
                    }
                }
                live.accept(line);
            }, true);
            shutdown.push("kill the test command", p::kill);
            try {
                out = p.await();
            } catch (InterruptedException e) {
                p.kill();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running the inference command", e);
            } finally {
                shutdown.remove("kill the test command");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.display(), e);
        }
        Optional<GpuPeak> gpu = sampling.flatMap(GpuSampler.Sampling::stop);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String gpuText = gpu.map(g -> "; GPU " + g.gpu() + " peak " + g.peakMiB() + " MiB of " + g.totalMiB()
                + " MiB (" + g.commandPeakMiB() + " MiB above the " + g.baselineMiB() + " MiB in use before)").orElse("");
        String subject = String.join(" ", test.command().get());
        if (out.succeeded()) {
            return new Outcome(new StageResult(StageResult.INFERENCE, StageStatus.PASSED, took,
                    "exit 0 in " + seconds(took) + gpuText,
                    List.of(Finding.passed(subject, "exit 0; output in " + runDir.resolve("stdout.log")))), gpu);
        }
        List<Finding> findings = new ArrayList<>();
        if (out.timedOut()) {
            findings.add(Finding.failed(subject, "timed out after " + human(test.timeout())
                    + "; its process tree was killed"));
        }
        List<String> lines = new ArrayList<>();
        out.lines().stream().filter(l -> l.stream() == OutputLine.Stream.STDERR).forEach(l -> lines.add(l.text()));
        out.lines().stream().filter(l -> l.stream() == OutputLine.Stream.STDOUT).forEach(l -> lines.add(l.text()));
        List<Diagnosis> diagnoses = classifier.classify(lines, out.exitCode(), Optional.of(env.contents()));
        if (!out.timedOut()) {
            String last = lastError(out);
            Finding f = Finding.failed(subject, "exit " + out.exitCode() + (last.isEmpty() ? "" : ": " + last)
                    + "; output in " + runDir);
            findings.add(diagnoses.isEmpty() ? f : f.with(diagnoses.get(0)));
            for (int i = 1; i < diagnoses.size(); i++) {
                findings.add(Finding.failed(subject, "also: " + diagnoses.get(i).evidence()).with(diagnoses.get(i)));
            }
        }
        String summary = (out.timedOut() ? "timed out after " + human(test.timeout())
                : "exit " + out.exitCode() + " after " + seconds(took))
                + diagnoses.stream().findFirst().map(d -> ": " + d.title()).orElse("") + gpuText;
        return new Outcome(new StageResult(StageResult.INFERENCE, StageStatus.FAILED, took, summary, findings), gpu);
    }

    private static String lastError(CommandOutcome out) {
        List<String> err = out.stderr().lines().filter(l -> !l.isBlank()).toList();
        return err.isEmpty() ? "" : err.get(err.size() - 1).strip();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) return (s / 3600) + "h";
        if (s % 60 == 0 && s > 0) return (s / 60) + "m";
        return s + "s";
    }
}
