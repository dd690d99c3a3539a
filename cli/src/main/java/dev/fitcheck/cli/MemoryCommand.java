package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.memory.plan.MemoryQuestion;
import dev.fitcheck.memory.plan.MemoryReport;
import dev.fitcheck.memory.plan.MemoryReportJson;
import dev.fitcheck.memory.plan.MemoryReportText;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;
import dev.fitcheck.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitcheck memory MODEL}: memory plans against the GPU as it is now. */
@Command(name = "memory", description = "Memory plans for a model against the GPU as it is now.")
final class MemoryCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model of the workspace, such as vidi-9b.")
    String model;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "fitcheck.yaml or its directory.")
    Path workspace;

    @Option(names = "--video-minutes", paramLabel = "N", defaultValue = "1", description = "Video length to plan for (default 1).")
    double videoMinutes;

    @Option(names = "--context", paramLabel = "N", defaultValue = "64", description = "Text tokens in the prompt (default 64).")
    int context;

    @Option(names = "--decode-steps", paramLabel = "N", defaultValue = "32", description = "Tokens generated (default 32).")
    int decodeSteps;

    @Option(names = "--transformers", paramLabel = "VERSION", description = "transformers release the model runs on (text cache policy).")
    String transformers;

    @Option(names = "--gpu-index", paramLabel = "N", defaultValue = "0", description = "Which GPU nvidia-smi shows (default 0).")
    int gpuIndex;

    @Option(names = "--no-live", description = "Do not run nvidia-smi; use fitcheck.yaml's GPU and services.")
    boolean noLive;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (videoMinutes < 0 || context < 1 || decodeSteps < 0) {
            throw new InputError("--video-minutes and --decode-steps must be 0 or more, --context 1 or more");
        }
        Workspace ws = new WorkspaceLoader().load(workspace != null ? workspace : Workspaces.defaultPath());
        ModelSpec m = ws.model(model).orElseThrow(() -> new InputError(ws.file(), 1, "no model named '" + model
                + "'; the workspace has " + String.join(", ", ws.modelNames())));
        MemoryReport report = MemoryPlans.of(ws, !noLive, gpuIndex).plan(m,
                new MemoryQuestion(videoMinutes * 60, context, decodeSteps, Optional.ofNullable(transformers)));
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(MemoryReportJson.render(report));
        } else {
            out.print(MemoryReportText.render(report));
        }
        out.flush();
        return ExitCode.OK;
    }
}
