package dev.fitcheck.cli;

import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.workspace.ModelSpec;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitcheck env run MODEL -- CMD...}: a command inside the model's environment. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command in the model's environment: `python` is its interpreter, its bin directory "
                + "leads PATH.", "Exits with the command's exit code."})
final class EnvRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model of the workspace.")
    String model;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*",
            description = "The command and its arguments (after --, so that its options stay its own).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        EnvSession session = new EnvSession(workspace.load());
        ModelSpec m = session.workspace.requireModel(model);
        InstalledEnvironment env = InstalledEnvironment.current(session.layout, m.name()).orElseThrow(() ->
                new InputError("no environment for " + m.name() + " yet; run `fitcheck env create " + m.name() + "`"));
        List<String> argv = new ArrayList<>(command);
        if (argv.get(0).equals("python") || argv.get(0).equals("python3")) {
            argv.set(0, env.python().toString());
        }
        ExternalCommand cmd = ExternalCommand.of(argv)
                .withEnv("PATH", env.venv().bin() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""))
                .withEnv("VIRTUAL_ENV", env.path().toString())
                .withoutEnv("PYTHONHOME");
        try {
            return session.runner.attached(cmd, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (java.io.IOException e) {
            throw new InputError("cannot run " + argv.get(0) + " in " + m.name() + "'s environment: " + e.getMessage());
        }
    }
}
