package dev.fitcheck.cli;

import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.EnvironmentStatus;
import dev.fitcheck.env.JsonFiles;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fitcheck env list}: every model's environment, with its state. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Each model's environment: Python, key packages, size, and whether it is up to date with the spec.")
final class EnvListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Mixin
    InstallerOptions installer;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EnvSession session = new EnvSession(workspace.load());
        List<EnvironmentSpec> specs = session.plan(session.workspace.models(), installer.overrides());
        List<EnvironmentStatus> list = session.environments.list(session.layout, specs);
        if (json) {
            out.println(JsonFiles.mapper().writeValueAsString(list.stream().map(EnvListCommand::asJson).toList()));
            return ExitCode.OK;
        }
        String format = "%-14s %-11s %-17s %-10s %s%n";
        out.printf(Locale.ROOT, format, "MODEL", "STATE", "PYTHON", "SIZE", "KEY PACKAGES");
        for (EnvironmentStatus s : list) {
            out.printf(Locale.ROOT, format, s.model(), state(s.state()),
                    s.record().map(EnvListCommand::python).orElse("-"),
                    s.state() == EnvironmentStatus.State.ABSENT ? "-" : Sizes.bytes(s.sizeBytes()),
                    s.keyPackages().isEmpty() ? "-" : String.join(", ", s.keyPackages()));
        }
        return ExitCode.OK;
    }

    /** The version, and the one the model asked for when the machine lacked it. */
    private static String python(dev.fitcheck.env.EnvironmentRecord r) {
        return r.python().version() + (r.python().minorVersion().equals(r.pythonRequested()) ? ""
                : " (" + r.pythonRequested() + " asked)");
    }

    private static String state(EnvironmentStatus.State s) {
        return switch (s) {
            case ABSENT -> "absent";
            case UP_TO_DATE -> "up to date";
            case STALE -> "stale";
        };
    }

    private static Map<String, Object> asJson(EnvironmentStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model());
        m.put("state", state(s.state()));
        m.put("path", s.path().toString());
        s.record().ifPresent(r -> {
            m.put("python", r.python().version());
            m.put("pythonRequested", r.pythonRequested());
            r.pythonNote().ifPresent(n -> m.put("pythonNote", n));
        });
        m.put("sizeBytes", s.sizeBytes());
        m.put("keyPackages", s.keyPackages());
        return m;
    }
}
