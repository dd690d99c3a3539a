package dev.fitcheck.cli;

import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.MigrationRules;
import dev.fitcheck.compat.WorkspaceAnalysis;
import dev.fitcheck.compat.WorkspaceAnalyzer;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.lint.LintRules;
import dev.fitcheck.report.Report;
import dev.fitcheck.report.ReportBuilder;
import dev.fitcheck.report.ReportJson;
import dev.fitcheck.report.ReportLayout;
import dev.fitcheck.report.document.Document;
import dev.fitcheck.report.document.HtmlRenderer;
import dev.fitcheck.report.document.MarkdownRenderer;
import dev.fitcheck.memory.plan.MemoryQuestion;
import dev.fitcheck.memory.plan.MemoryReport;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;
import dev.fitcheck.workspace.WorkspaceLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitcheck analyze [WORKSPACE]}: the report on a workspace, written as Markdown, HTML and JSON. */
@Command(name = "analyze", description = "Report on a workspace: can its models share one environment and one GPU?")
final class AnalyzeCommand implements Callable<Integer> {

    enum FailOn { never, conflict }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE",
            description = "fitcheck.yaml or its directory (default: ./fitcheck.yaml, else the bundled fixtures/vidi).")
    Path positional;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Same as WORKSPACE.")
    Path workspace;

    @Option(names = "--json", description = "Print the report as JSON instead of the summary.")
    boolean json;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where report.md, report.html and report.json go (default: reports/<workspace name>).")
    Path out;

    @Option(names = "--fail-on", paramLabel = "WHEN", defaultValue = "never",
            description = "Exit 1 when the report holds a conflict: ${COMPLETION-CANDIDATES} (default: never).")
    FailOn failOn;

    @Option(names = "--video-minutes", paramLabel = "N", defaultValue = "1",
            description = "Video length the memory plans are made for (default 1).")
    double videoMinutes;

    @Option(names = "--context", paramLabel = "N", defaultValue = "64", description = "Text tokens in the prompt (default 64).")
    int context;

    @Option(names = "--no-live", description = "Do not ask nvidia-smi; plan against fitcheck.yaml's GPU and services.")
    boolean noLive;

    @Override
    public Integer call() {
        if (positional != null && workspace != null && !positional.equals(workspace)) {
            throw new InputError("give the workspace once: as WORKSPACE or with -w, not both");
        }
        Path given = positional != null ? positional : workspace;
        Path path = given != null ? given : Workspaces.defaultPath();
        Workspace ws = new WorkspaceLoader().load(path);
        Path rules = Workspaces.rules();
        ApiHistories histories = Catalogues.histories(rules);
        WorkspaceAnalysis analysis = new WorkspaceAnalyzer(histories, LintRules.load(rules.resolve("lints.yaml")))
                .analyze(ws);
        String shown = given != null ? given.toString() : Workspaces.home().relativize(path.toAbsolutePath()).toString();
        List<MemoryReport> memory = new ArrayList<>();
        if (ws.machine().gpu().isPresent()) {
            MemoryPlans plans = MemoryPlans.of(ws, !noLive, 0);
            // Each model's plan replays its inference through the allocator simulation: plan them side by side.
            memory.addAll(ws.models().parallelStream().filter(plans::describes).map(m -> {
                Optional<String> transformers = analysis.choicesFor(m.name()).stream()
                        .filter(c -> c.distribution().equals("transformers")).map(c -> c.release().toString()).findFirst();
                return plans.plan(m, new MemoryQuestion(videoMinutes * 60, context, 32, transformers));
            }).toList());
        }
        Report report = new ReportBuilder(histories, MigrationRules.load(rules.resolve("migrations")))
                .build(analysis, shown, memory, TestRunSections.latest(ws));

        Document doc = new ReportLayout().layout(report);
        String jsonText = new ReportJson().render(report);
        Path dir = out != null ? out : Path.of("reports", ws.name());
        Output.writeAtomically(dir.resolve("report.md"), new MarkdownRenderer().render(doc));
        Output.writeAtomically(dir.resolve("report.html"), new HtmlRenderer().render(doc));
        Output.writeAtomically(dir.resolve("report.json"), jsonText);

        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(jsonText);
        } else {
            o.println(report.title());
            o.println();
            o.println("Verdict: " + report.summary().verdict());
            report.summary().findings().forEach(f -> o.println("  - " + f.replace("`", "")));
            o.println("Recommendation: " + report.summary().recommendation());
            o.println();
            o.println("Report: " + dir.resolve("report.md") + " (also report.html, report.json)");
        }
        o.flush();
        boolean conflict = !analysis.conflicts().isEmpty();
        return failOn == FailOn.conflict && conflict ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
