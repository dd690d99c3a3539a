package dev.fitcheck.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.env.EnvironmentContents;
import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.env.LeftOut;
import dev.fitcheck.env.PackageName;
import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.OutputLine;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.process.RunningProcess;
import dev.fitcheck.workspace.ModelSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage (b): imports every module of the model (or those its test lists) in the model's
 * environment, through the {@code imports.py} helper, one module after another in one
 * interpreter. A module that kills the interpreter, or hangs past the stall limit, is reported as
 * such and the helper restarts with the modules after it.
 *
 * <p>A failure caused by a package the environment leaves out on purpose (torch inherited from a
 * base that lacks it, flash-attn skipped without CUDA) is incomplete, not failed: the model may
 * well be fine where that package exists.
 */
public final class ImportsStage {

    static final String PREFIX = "@@fitcheck@@ ";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** transformers' dummy objects: "X requires the PyTorch library but it was not found in your environment." */
    private static final Pattern BACKEND_MISSING = Pattern.compile("requires the (\\w+) library but it was not found");
    private static final Map<String, String> BACKEND_PACKAGES = Map.of("pytorch", "torch", "tensorflow", "tensorflow",
            "flax", "flax", "torchvision", "torchvision", "accelerate", "accelerate");

    private final ProcessRunner runner;
    private final SymbolHistory history;
    private final Duration stallLimit;

    public ImportsStage(ProcessRunner runner, SymbolHistory history, Duration stallLimit) {
        this.runner = runner;
        this.history = history;
        this.stallLimit = stallLimit;
    }

    /**
     * Imports the model's modules. Without {@code gpu} the GPU is hidden from them
     * (CUDA_VISIBLE_DEVICES empty), so that importing claims no GPU memory beside running services.
     */
    public StageResult run(ModelSpec model, InstalledEnvironment env, Path runDir, Path helpers, boolean gpu) {
        long start = System.nanoTime();
        List<String> modules = model.test().map(t -> t.imports()).filter(l -> !l.isEmpty())
                .orElseGet(() -> new ModuleDiscovery().modules(model.sources()));
        if (modules.isEmpty()) {
            return StageResult.skipped(StageResult.IMPORTS, "the model's source roots hold no Python modules");
        }
        EnvironmentContents contents = env.contents();
        List<Finding> findings = new ArrayList<>();
        int next = 0;
        Path log = runDir.resolve("imports.log");
        try (BufferedWriter logOut = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            while (next < modules.size()) {
                Batch batch = runBatch(model, env, runDir, helpers, modules.subList(next, modules.size()), logOut, gpu);
                for (JsonNode r : batch.results) {
                    findings.add(classify(r, env, contents));
                }
                next += batch.results.size();
                if (batch.stuckOn.isPresent()) {
                    findings.add(Finding.failed(batch.stuckOn.get(), batch.why));
                    next++;
                } else if (!batch.done) {
                    // The helper itself failed before starting a module (a broken interpreter).
                    findings.add(Finding.failed(modules.get(next), "the import helper could not run: " + batch.why));
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        long failed = findings.stream().filter(f -> f.status() == StageStatus.FAILED).count();
        long incomplete = findings.stream().filter(f -> f.status() == StageStatus.INCOMPLETE).count();
        String summary = (findings.size() - failed - incomplete) + " of " + modules.size() + " modules imported"
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (incomplete > 0 ? ", " + incomplete + " need packages absent on purpose" : "");
        return StageResult.of(StageResult.IMPORTS, Duration.ofNanos(System.nanoTime() - start), summary, findings);
    }

    private record Batch(List<JsonNode> results, boolean done, Optional<String> stuckOn, String why) {
    }

    private Batch runBatch(ModelSpec model, InstalledEnvironment env, Path runDir, Path helpers, List<String> modules,
            BufferedWriter logOut, boolean gpu) throws IOException {
        Path list = runDir.resolve("imports-modules.txt");
        Files.write(list, modules, StandardCharsets.UTF_8);
        List<String> argv = new ArrayList<>(List.of(env.python().toString(), helpers.resolve("imports.py").toString()));
        for (Path root : model.sources()) {
            argv.add("--path");
            argv.add(root.toString());
        }
        argv.add("--modules-file");
        argv.add(list.toString());
        ExternalCommand cmd = ExternalCommand.of(argv).in(model.path())
                .withEnv(model.test().map(t -> t.env()).orElse(Map.of()))
                // Importing must not write __pycache__ into the model's tree.
                .withEnv("PYTHONDONTWRITEBYTECODE", "1")
                .withEnv("VIRTUAL_ENV", env.path().toString())
                .withoutEnv("PYTHONPATH").withoutEnv("PYTHONHOME");
        if (!gpu) {
            cmd = cmd.withEnv("CUDA_VISIBLE_DEVICES", "");
        }
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        RunningProcess p = runner.start(cmd, line -> {
            if (line.stream() == OutputLine.Stream.STDOUT && line.text().startsWith(PREFIX)) {
                try {
                    events.add(JSON.readTree(line.text().substring(PREFIX.length())));
                } catch (IOException e) {
                    log(logOut, "unreadable helper line: " + line.text());
                }
            } else {
                log(logOut, line.text());
            }
        }, true);
        List<JsonNode> results = new ArrayList<>();
        Optional<String> current = Optional.empty();
        boolean done = false;
        long lastEvent = System.nanoTime();
        try {
            while (true) {
                JsonNode ev = events.poll(200, TimeUnit.MILLISECONDS);
                if (ev != null) {
                    lastEvent = System.nanoTime();
                    switch (ev.path("event").asText()) {
                        case "start" -> current = Optional.of(ev.path("module").asText());
                        case "result" -> {
                            results.add(ev);
                            current = Optional.empty();
                        }
                        case "done" -> done = true;
                        default -> { }
                    }
                    continue;
                }
                if (!p.isAlive() && events.isEmpty()) {
                    break;
                }
                if (System.nanoTime() - lastEvent > stallLimit.toNanos()) {
                    p.kill();
                    CommandOutcome o = p.await();
                    return new Batch(results, false, current.or(() -> Optional.of(modules.get(results.size()))),
                            "hung: no progress for " + stallLimit.toSeconds() + " s; killed (exit " + o.exitCode() + ")");
                }
            }
            CommandOutcome o = p.await();
            if (done) {
                return new Batch(results, true, Optional.empty(), "");
            }
            String why = o.stderr().lines().reduce((a, b) -> b).orElse("exit " + o.exitCode());
            return current.isPresent()
                    ? new Batch(results, false, current, "the interpreter died importing it (exit " + o.exitCode()
                            + (o.exitCode() > 128 ? ", signal " + (o.exitCode() - 128) : "") + ")")
                    : new Batch(results, false, Optional.empty(), why);
        } catch (InterruptedException e) {
            p.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while importing modules", e);
        }
    }

    private static void log(BufferedWriter out, String text) {
        synchronized (out) {
            try {
                out.write(text);
                out.write('\n');
            } catch (IOException e) {
                // the log is evidence, not the result; losing a line must not lose the stage
            }
        }
    }

    private Finding classify(JsonNode r, InstalledEnvironment env, EnvironmentContents contents) {
        String module = r.path("module").asText();
        if (r.path("ok").asBoolean(false)) {
            return Finding.passed(module, "imported in " + r.path("seconds").asText() + " s");
        }
        String type = r.path("type").asText();
        String message = r.path("message").asText();
        String where = r.has("frame") ? " at " + r.path("frame").asText() : "";
        String text = type + ": " + message + where;
        Optional<LeftOut> absentOnPurpose = Optional.empty();
        if (r.has("missing")) {
            absentOnPurpose = leftOutFor(r.path("missing").asText(), env, contents);
        } else {
            Matcher b = BACKEND_MISSING.matcher(message);
            if (b.find()) {
                String pkg = BACKEND_PACKAGES.getOrDefault(b.group(1).toLowerCase(Locale.ROOT), b.group(1).toLowerCase(Locale.ROOT));
                absentOnPurpose = leftOutFor(pkg, env, contents);
            }
        }
        if (absentOnPurpose.isPresent()) {
            LeftOut l = absentOnPurpose.get();
            String why = l.reason() == LeftOut.Reason.INHERITED ? "inherited, but the base interpreter lacks it"
                    : l.reason().sentence();
            return Finding.incomplete(module, "incomplete (" + l.name() + " absent: " + why + "): " + text);
        }
        Finding f = Finding.failed(module, text);
        Optional<Diagnosis> d = MissingSymbol.diagnose(message, history, Optional.of(contents));
        return d.map(f::with).orElse(f);
    }

    /** The left-out package behind a missing module, if it is absent from the environment. */
    private static Optional<LeftOut> leftOutFor(String missingModule, InstalledEnvironment env, EnvironmentContents contents) {
        String top = missingModule.split("\\.", 2)[0];
        for (LeftOut l : env.record().leftOut()) {
            if (l.name().moduleGuess().equals(top) || l.name().equals(PackageName.of(top))) {
                return contents.visible(l.name()).isPresent() ? Optional.empty() : Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
