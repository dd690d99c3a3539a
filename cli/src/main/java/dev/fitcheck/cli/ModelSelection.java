package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code MODEL... | --all}: which of the workspace's models a command acts on. */
final class ModelSelection {

    @Parameters(paramLabel = "MODEL", arity = "0..*", description = "Model names from the workspace.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every model of the workspace.")
    boolean all;

    List<ModelSpec> select(Workspace ws) {
        if (all && !names.isEmpty()) {
            throw new InputError("give model names or --all, not both");
        }
        if (all) {
            return ws.models();
        }
        if (names.isEmpty()) {
            throw new InputError("name a model (" + String.join(", ", ws.modelNames()) + ") or give --all");
        }
        return names.stream().map(ws::requireModel).toList();
    }
}
