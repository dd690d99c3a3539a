package dev.fitcheck.cli;

import dev.fitcheck.env.Drift;
import dev.fitcheck.env.VerifyResult;
import dev.fitcheck.workspace.ModelSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fitcheck env verify MODEL...|--all}: does each environment still match its lock? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare each environment with its lock: versions, builds, and the installed files against "
                + "their RECORD hashes.", "Exit 1 when an environment drifted."})
final class EnvVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    ModelSelection models;

    @Option(names = "--no-files", description = "Skip hashing the installed files (versions and builds only).")
    boolean noFiles;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvSession session = new EnvSession(workspace.load());
        boolean drift = false;
        for (ModelSpec m : models.select(session.workspace)) {
            VerifyResult v = session.environments.verify(session.layout, m.name(), !noFiles);
            if (v.problem().isPresent()) {
                out.println(m.name() + ": " + v.problem().get());
                drift = true;
            } else if (v.drift().isEmpty()) {
                out.println(m.name() + ": matches its lock " + session.layout.lockFile(m.name()));
            } else {
                drift = true;
                out.println(m.name() + ": " + v.drift().size() + " difference" + (v.drift().size() == 1 ? "" : "s")
                        + " from its lock " + session.layout.lockFile(m.name()) + ":");
                for (Drift d : v.drift()) {
                    out.println("  " + d.display());
                }
            }
        }
        return drift ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
