package dev.fitcheck.env;

import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds environments with the standard library's venv and the pip it seeds.
 *
 * <p>pip has no way to leave a package out of resolution, so for a spec with left-out packages it
 * resolves first ({@code --dry-run --report}: metadata only, no wheels downloaded), removes the
 * left-out packages and what only they need ({@link PipResolution}), and installs the rest
 * exactly, with {@code --no-deps}. In a venv with system site packages pip counts the base
 * interpreter's packages as installed (that is how an inherited torch satisfies accelerate); a
 * left-out package that is neither installed in the base nor available from the index makes
 * pip's resolution fail, which uv's {@code --excludes} avoids.
 */
public final class PipProvisioner implements Provisioner {

    private final ProcessRunner runner;

    public PipProvisioner(ProcessRunner runner) {
        this.runner = runner;
    }

    @Override
    public InstallerKind kind() {
        return InstallerKind.PIP;
    }

    @Override
    public ProvisionResult provision(ProvisionRequest request) {
        EnvironmentSpec spec = request.spec();
        InstallSteps steps = new InstallSteps(runner, request);
        List<String> venv = new ArrayList<>(List.of(spec.python().interpreter().realExecutable().toString(),
                "-m", "venv"));
        if (spec.inheritsFromBase()) {
            venv.add("--system-site-packages");
        }
        venv.add(request.directory().toString());
        Optional<InstallFailure> f = steps.run("creating the virtual environment (python -m venv)", venv);
        if (f.isPresent()) {
            return ProvisionResult.failed(f.get());
        }
        Path python = new VirtualEnvironment(request.directory()).python();
        List<String> pip = List.of(python.toString(), "-m", "pip", "install");
        List<String> notes = new ArrayList<>();

        if (spec.locked().isPresent()) {
            List<String> pins = spec.locked().get().installed().stream().map(LockedDistribution::pin).toList();
            if (pins.isEmpty()) {
                steps.write("requirements.txt", List.of());
                return ProvisionResult.ok(notes);
            }
            List<String> cmd = new ArrayList<>(pip);
            cmd.addAll(List.of("--no-deps", "--requirement", steps.write("requirements.txt", pins).toString()));
            cmd.addAll(spec.index().installerArgs());
            return steps.run("installing " + pins.size() + " locked distributions (pip install --no-deps)", cmd)
                    .map(ProvisionResult::failed).orElseGet(() -> ProvisionResult.ok(notes));
        }

        List<String> lines = InstallSteps.texts(spec.requirements());
        if (lines.isEmpty()) {
            steps.write("requirements.txt", List.of());
            return ProvisionResult.ok(notes);
        }
        List<String> common = new ArrayList<>(List.of("--requirement", steps.write("requirements.txt", lines).toString()));
        if (!spec.constraints().isEmpty()) {
            common.add("--constraint");
            common.add(steps.write("constraints.txt", InstallSteps.texts(spec.constraints())).toString());
        }
        common.addAll(spec.index().installerArgs());

        if (spec.excluded().isEmpty()) {
            List<String> cmd = new ArrayList<>(pip);
            cmd.addAll(common);
            return steps.run("installing " + lines.size() + " requirements (pip install)", cmd)
                    .map(ProvisionResult::failed).orElseGet(() -> ProvisionResult.ok(notes));
        }

        Path report = steps.inputDir().resolve("pip-resolution.json");
        List<String> resolve = new ArrayList<>(pip);
        resolve.addAll(List.of("--dry-run", "--quiet", "--report", report.toString()));
        resolve.addAll(common);
        f = steps.run("resolving " + lines.size() + " requirements without " + names(spec) + " (pip install --dry-run)",
                resolve);
        if (f.isPresent()) {
            return ProvisionResult.failed(f.get());
        }
        List<PipResolution.Item> keep;
        List<PipResolution.Item> all;
        try {
            PipResolution resolution = PipResolution.read(report);
            all = resolution.all();
            keep = resolution.without(spec.excluded());
        } catch (IOException e) {
            return ProvisionResult.failed(new InstallFailure("reading pip's resolution report", report.toString(), 0,
                    List.of("pip's --report output is unreadable: " + e.getMessage()), request.log().file()));
        }
        List<String> dropped = all.stream().filter(i -> !keep.contains(i)).map(PipResolution.Item::line).toList();
        if (!dropped.isEmpty()) {
            request.log().note("left out with " + names(spec) + ": " + String.join(", ", dropped));
            notes.add("pip's resolution also wanted " + String.join(", ", dropped) + "; left out with " + names(spec));
        }
        if (keep.isEmpty()) {
            return ProvisionResult.ok(notes);
        }
        List<String> pins = keep.stream().map(PipResolution.Item::line).toList();
        List<String> cmd = new ArrayList<>(pip);
        cmd.addAll(List.of("--no-deps", "--requirement", steps.write("resolved.txt", pins).toString()));
        cmd.addAll(spec.index().installerArgs());
        return steps.run("installing " + pins.size() + " resolved distributions (pip install --no-deps)", cmd)
                .map(ProvisionResult::failed).orElseGet(() -> ProvisionResult.ok(notes));
    }

    private static String names(EnvironmentSpec spec) {
        return String.join(", ", spec.excluded().stream().map(PackageName::value).toList());
    }
}
