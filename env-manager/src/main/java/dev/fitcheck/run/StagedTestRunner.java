package dev.fitcheck.run;

import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.TestSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compatibility test run: static (installed versions in range), imports (every module), then
 * inference (the declared command, the GPU path). Inference runs only when the imports passed: a
 * model whose modules do not import cannot run. With services to stop, they are stopped before
 * the stages and restarted after them, whatever happens, Ctrl-C included.
 */
public final class StagedTestRunner implements TestRunner {

    private final StaticStage staticStage;
    private final ImportsStage importsStage;
    private final FailureClassifier classifier;
    private final ProcessRunner runner;
    private final Optional<GpuSampler> sampler;
    private final Clock clock;

    public StagedTestRunner(EffectiveRanges ranges, SymbolHistory history, FailureRules rules, ProcessRunner runner,
            Optional<GpuSampler> sampler, Clock clock) {
        this.staticStage = new StaticStage(ranges);
        this.importsStage = new ImportsStage(runner, history, Duration.ofMinutes(2));
        this.classifier = new FailureClassifier(rules, history);
        this.runner = runner;
        this.sampler = sampler;
        this.clock = clock;
    }

    @Override
    public TestRunResult run(TestRunRequest request) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        String model = request.model().name();
        TestRunStore store = new TestRunStore(request.layout());
        Path runDir = store.newRun(model, started);
        Path helpers = HelperScripts.install(request.layout().state());
        TestListener listener = request.listener();
        List<StageResult> stages = new ArrayList<>();
        Optional<GpuPeak> gpu = Optional.empty();
        ServicePause services = new ServicePause(runner, listener::service);
        try (ShutdownActions shutdown = new ShutdownActions()) {
            if (!request.stopServices().isEmpty()) {
                services.stop(request.stopServices(), shutdown);
            }
            listener.stageStarted(StageResult.STATIC);
            stages.add(report(listener, staticStage.run(request.model(), request.environment())));

            listener.stageStarted(StageResult.IMPORTS);
            StageResult imports = report(listener, importsStage.run(request.model(), request.environment(), runDir, helpers,
                    request.gpu()));
            stages.add(imports);

            Optional<TestSpec> test = request.model().test();
            Optional<String> skip = inferenceSkipReason(request, test, imports);
            if (skip.isPresent()) {
                stages.add(report(listener, StageResult.skipped(StageResult.INFERENCE, skip.get())));
            } else {
                listener.stageStarted(StageResult.INFERENCE);
                InferenceStage inference = new InferenceStage(runner, classifier, request.gpu() ? sampler : Optional.empty());
                InferenceStage.Outcome o = inference.run(request.model(), test.get(), request.environment(), runDir,
                        helpers, shutdown, listener::output);
                gpu = o.gpu();
                stages.add(report(listener, o.stage()));
            }
        }
        StageStatus status = StageStatus.of(stages.stream().map(StageResult::status).toList());
        TestRunResult result = new TestRunResult(TestRunResult.FORMAT, model, started,
                Duration.ofNanos(System.nanoTime() - t0), status, runDir, request.environment().path(),
                request.environment().record().python().version(), request.environment().record().pythonNote(),
                request.environment().record().fingerprint(), stages,
                gpu, services.steps());
        store.save(result);
        return result;
    }

    private static StageResult report(TestListener l, StageResult r) {
        l.stageFinished(r);
        return r;
    }

    private static Optional<String> inferenceSkipReason(TestRunRequest request, Optional<TestSpec> test,
            StageResult imports) {
        if (test.isEmpty() || test.get().command().isEmpty()) {
            return Optional.of("no inference command (test.command in fitcheck.yaml)");
        }
        if (test.get().gpu() && !request.gpu()) {
            return Optional.of("the inference command needs the GPU; run `fitcheck test " + request.model().name()
                    + " --gpu`");
        }
        if (imports.status() == StageStatus.FAILED) {
            return Optional.of("the imports failed, so the model cannot run");
        }
        if (imports.status() == StageStatus.INCOMPLETE) {
            return Optional.of("the environment lacks packages the model imports (see imports)");
        }
        return Optional.empty();
    }
}
