package dev.fitcheck.cli;

import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.workspace.ModelSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitcheck env path MODEL}: where the model's environment is, for scripts ({@code source $(...)/bin/activate}). */
@Command(name = "path", mixinStandardHelpOptions = true, description = "Print the directory of the model's environment.")
final class EnvPathCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;

    @Parameters(paramLabel = "MODEL", description = "A model of the workspace.")
    String model;

    @Override
    public Integer call() {
        EnvSession session = new EnvSession(workspace.load());
        ModelSpec m = session.workspace.requireModel(model);
        InstalledEnvironment env = InstalledEnvironment.current(session.layout, m.name()).orElseThrow(() ->
                new InputError("no environment for " + m.name() + " yet; run `fitcheck env create " + m.name() + "`"));
        spec.commandLine().getOut().println(env.path());
        return ExitCode.OK;
    }
}
