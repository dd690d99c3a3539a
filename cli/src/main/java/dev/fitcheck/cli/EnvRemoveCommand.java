package dev.fitcheck.cli;

import dev.fitcheck.workspace.ModelSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fitcheck env remove MODEL...|--all}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Delete the models' environments (their locks stay, so `env create --locked` can rebuild them).")
final class EnvRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    ModelSelection models;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvSession session = new EnvSession(workspace.load());
        for (ModelSpec m : models.select(session.workspace)) {
            boolean removed = session.environments.remove(session.layout, m.name());
            out.println(m.name() + ": " + (removed ? "removed " + session.layout.link(m.name()) : "had no environment"));
        }
        return ExitCode.OK;
    }
}
