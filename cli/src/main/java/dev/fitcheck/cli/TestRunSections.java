package dev.fitcheck.cli;

import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.report.TestRunSection;
import dev.fitcheck.run.Finding;
import dev.fitcheck.run.StageResult;
import dev.fitcheck.run.StageStatus;
import dev.fitcheck.run.TestRunResult;
import dev.fitcheck.run.TestRunStore;
import dev.fitcheck.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each model's latest test run, from .fitcheck/runs, in the form the report shows. */
final class TestRunSections {

    /** Findings shown per stage: the failures first; a long list of passed imports says nothing more. */
    private static final int FINDINGS_SHOWN = 6;

    private TestRunSections() {
    }

    static List<TestRunSection> latest(Workspace ws) {
        TestRunStore store = new TestRunStore(new EnvironmentLayout(ws.root()));
        List<TestRunSection> out = new ArrayList<>();
        for (String model : ws.modelNames()) {
            Optional<TestRunResult> r = store.latest(model);
            r.ifPresent(run -> out.add(section(run, ws)));
        }
        return out;
    }

    private static TestRunSection section(TestRunResult r, Workspace ws) {
        List<TestRunSection.Stage> stages = new ArrayList<>();
        for (StageResult s : r.stages()) {
            List<String> evidence = new ArrayList<>();
            evidence.add(s.summary());
            s.findings().stream()
                    .sorted((a, b) -> Boolean.compare(a.status() == StageStatus.PASSED, b.status() == StageStatus.PASSED))
                    .limit(FINDINGS_SHOWN)
                    .forEach(f -> evidence.add(line(f)));
            if (s.findings().size() > FINDINGS_SHOWN) {
                evidence.add("and " + (s.findings().size() - FINDINGS_SHOWN) + " more in " + r.runDirectory());
            }
            stages.add(new TestRunSection.Stage(s.name(), s.status().name().toLowerCase(), Sizes.seconds(s.duration()),
                    evidence));
        }
        List<String> figures = new ArrayList<>();
        r.gpu().ifPresent(g -> figures.add("GPU " + g.gpu() + ": peak " + g.peakMiB() + " MiB of " + g.totalMiB()
                + " MiB (" + g.commandPeakMiB() + " MiB for the command; " + g.samples() + " readings)"));
        r.services().forEach(s -> figures.add("service " + s.service() + ": " + s.action().name().toLowerCase() + " `"
                + String.join(" ", s.command()) + "` exited " + s.exitCode() + " after " + Sizes.seconds(s.duration())));
        String env = Output.relative(ws.root(), r.environment()) + ", Python " + r.python()
                + r.pythonNote().map(n -> " (" + n + ")").orElse("");
        return new TestRunSection(r.model(), r.started().toString(), env, r.status().name().toLowerCase(), stages, figures);
    }

    private static String line(Finding f) {
        return f.status().name().toLowerCase() + " " + f.subject() + ": " + f.message()
                + f.diagnosis().map(d -> " (" + d.title() + "; fix: " + d.fix() + ")").orElse("");
    }
}
