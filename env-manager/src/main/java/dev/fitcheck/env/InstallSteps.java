package dev.fitcheck.env;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.OutputSink;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a provisioner's commands one after another for one request: each command and its output go
 * to the log and the listener; the first that fails becomes the request's {@link InstallFailure}.
 */
final class InstallSteps {

    /** Variables that keep installers' output plain and their choices ours. */
    private static final Map<String, String> QUIET = Map.of(
            "NO_COLOR", "1",
            "PYTHONUNBUFFERED", "1",
            "PIP_DISABLE_PIP_VERSION_CHECK", "1",
            "PIP_NO_INPUT", "1",
            "PIP_PROGRESS_BAR", "off",
            "UV_NO_PROGRESS", "1",
            "UV_PYTHON_DOWNLOADS", "never");

    private final ProcessRunner runner;
    private final ProvisionRequest request;

    InstallSteps(ProcessRunner runner, ProvisionRequest request) {
        this.runner = runner;
        this.request = request;
    }

    /** Runs one step; empty when it succeeded, else the failure explained. */
    Optional<InstallFailure> run(String step, List<String> argv) {
        String model = request.spec().model();
        request.listener().phase(model, step);
        ExternalCommand cmd = ExternalCommand.of(argv).withEnv(QUIET).withEnv(request.installerEnvironment())
                .withoutEnv("VIRTUAL_ENV").withoutEnv("PYTHONHOME").withoutEnv("PYTHONPATH")
                .withoutEnv("CONDA_PREFIX");
        request.log().command(cmd.display());
        OutputSink sink = line -> {
            request.log().line(line);
            request.listener().output(model, line);
        };
        CommandOutcome out;
        try {
            out = runner.run(cmd, sink);
        } catch (IOException e) {
            return Optional.of(new InstallFailure(step, cmd.display(), -1,
                    List.of("could not start " + argv.get(0) + ": " + e.getMessage()), request.log().file()));
        }
        request.log().note("exit " + out.exitCode() + " after " + out.elapsed().toMillis() + " ms");
        if (out.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(new InstallFailure(step, cmd.display(), out.exitCode(),
                InstallerExplanation.of(out.lines()), request.log().file()));
    }

    /** Makes the base interpreter's packages visible to the new venv when the base is a venv. */
    Optional<InstallFailure> inherit() {
        try {
            BaseInheritance.link(request.spec(), request.directory());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new InstallFailure("linking the base interpreter's packages", BaseInheritance.PTH, 1,
                    List.of(e.getMessage()), request.log().file()));
        }
    }

    /** Runs a query step; its standard output when it succeeded (a failure is logged, not fatal). */
    Optional<String> capture(String step, List<String> argv) {
        request.listener().phase(request.spec().model(), step);
        ExternalCommand cmd = ExternalCommand.of(argv).withEnv(QUIET).withEnv(request.installerEnvironment());
        request.log().command(cmd.display());
        try {
            CommandOutcome out = runner.run(cmd, request.log()::line);
            request.log().note("exit " + out.exitCode());
            return out.succeeded() ? Optional.of(out.stdout()) : Optional.empty();
        } catch (IOException e) {
            request.log().note("could not run: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The directory inside the environment that keeps the installer's input files, for inspection. */
    Path inputDir() {
        Path dir = request.directory().resolve("fitcheck");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    Path write(String name, List<String> lines) {
        Path file = inputDir().resolve(name);
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.log().note(name + ":" + (lines.isEmpty() ? " (empty)" : "\n#   " + String.join("\n#   ", lines)));
        return file;
    }

    static List<String> texts(List<SpecRequirement> reqs) {
        return reqs.stream().map(SpecRequirement::text).toList();
    }
}
