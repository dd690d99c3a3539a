package dev.fitcheck.cli;

import dev.fitcheck.env.CreateRequest;
import dev.fitcheck.env.CreateResult;
import dev.fitcheck.env.Creation;
import dev.fitcheck.env.EnvironmentLock;
import dev.fitcheck.env.EnvironmentRecord;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.JsonFiles;
import dev.fitcheck.env.LeftOut;
import dev.fitcheck.env.LocalEnvironments;
import dev.fitcheck.env.Unsatisfied;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.workspace.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fitcheck env create MODEL...|--all}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Build each model's environment (or reuse it when nothing changed).",
                "Exit 1 when an environment could not be built."})
final class EnvCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    ModelSelection models;
    @Mixin
    InstallerOptions installer;

    @Option(names = "--locked", description = "Install exactly what the model's lock records (.fitcheck/locks/MODEL.lock.json).")
    boolean locked;

    @Option(names = "--force", description = "Rebuild even when the environment is unchanged.")
    boolean force;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnvSession session = new EnvSession(workspace.load());
        List<ModelSpec> selected = models.select(session.workspace);
        List<EnvironmentSpec> specs = new ArrayList<>();
        for (ModelSpec m : selected) {
            EnvironmentSpec s = session.plan(m, installer.overrides());
            if (s.index().noIndex() && s.index().findLinks().isEmpty()) {
                throw new InputError("--no-index needs a wheelhouse: --find-links DIR or machine.find_links in fitcheck.yaml");
            }
            if (locked) {
                if (!Files.isRegularFile(session.layout.lockFile(m.name()))) {
                    throw new InputError("no lock for " + m.name() + " at " + session.layout.lockFile(m.name())
                            + "; run `fitcheck env create " + m.name() + "` first");
                }
                EnvironmentLock lock = LocalEnvironments.readLock(session.layout, m.name());
                s = s.lockedTo(lock);
            }
            specs.add(s);
            if (!json) {
                announce(err, s, session.planner().cuda().evidence());
            }
        }
        InstallProgress progress = new InstallProgress(err, !json && InstallProgress.terminal());
        List<Creation> creations = new ArrayList<>();
        for (EnvironmentSpec s : specs) {
            CreateResult r = session.environments.create(new CreateRequest(session.layout, List.of(s), force, progress,
                    Map.of()));
            progress.finish();
            creations.addAll(r.creations());
            if (!json) {
                report(out, err, r.creations().get(0));
            }
        }
        if (json) {
            out.println(JsonFiles.mapper().writeValueAsString(creations.stream().map(EnvCreateCommand::asJson).toList()));
        }
        return creations.stream().anyMatch(Creation::failed) ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private static void announce(PrintWriter err, EnvironmentSpec s, String cudaEvidence) {
        s.python().note().ifPresent(n -> err.println(s.model() + ": " + n));
        if (!s.leftOut().isEmpty()) {
            boolean noCuda = s.leftOut().stream().anyMatch(l -> l.reason() == LeftOut.Reason.NEEDS_CUDA);
            err.println(s.model() + ": left out" + (noCuda ? " (" + cudaEvidence + ")" : "") + ": "
                    + String.join(", ", s.leftOut().stream().map(LeftOut::display).toList()));
        }
        err.flush();
    }

    private static void report(PrintWriter out, PrintWriter err, Creation c) {
        String took = Sizes.seconds(c.elapsed());
        switch (c.outcome()) {
            case CREATED -> out.println(c.model() + ": created " + c.environment() + " in " + took + " with "
                    + c.record().map(r -> r.installer().display()).orElse("?"));
            case REUSED -> out.println(c.model() + ": unchanged, reused " + c.environment() + " (" + took + ")");
            case FAILED -> {
                err.println(c.model() + ": could not build the environment; the previous one, if any, is untouched");
                c.failure().ifPresent(f -> err.println("  " + f.summary().replace("\n", "\n  ")));
            }
        }
        c.notes().forEach(n -> out.println("  note: " + n));
        c.record().map(EnvironmentRecord::unsatisfied).orElse(List.of())
                .forEach(u -> out.println("  unsatisfied: " + u.display()));
        out.flush();
        err.flush();
    }

    static Map<String, Object> asJson(Creation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.model());
        m.put("outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("environment", c.environment().toString());
        m.put("seconds", c.elapsed().toMillis() / 1000.0);
        c.record().ifPresent(r -> {
            m.put("installer", r.installer().name().toLowerCase(java.util.Locale.ROOT));
            m.put("python", r.python().version());
            r.pythonNote().ifPresent(n -> m.put("pythonNote", n));
            m.put("leftOut", r.leftOut().stream().map(LeftOut::display).toList());
            m.put("unsatisfied", r.unsatisfied().stream().map(Unsatisfied::display).toList());
            m.put("log", r.log().toString());
        });
        m.put("notes", c.notes());
        c.failure().ifPresent(f -> m.put("failure", Map.of("step", f.step(), "command", f.command(), "exit", f.exitCode(),
                "explanation", f.explanation(), "log", f.log().toString())));
        return m;
    }
}
