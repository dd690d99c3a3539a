package dev.fitcheck.env;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds environments with uv: {@code uv venv} then {@code uv pip install --python <venv>}.
 *
 * <p>Left-out packages (inherited, or needing CUDA) are removed from resolution with uv's
 * {@code --excludes} file: "when a package is excluded, it will be omitted from the dependency list
 * entirely and its own dependencies will be ignored", so accelerate's dependency on torch neither
 * downloads torch nor its CUDA wheels. A uv too old for {@code --excludes} gets an overrides file
 * instead, whose lines carry a marker that is never true, which removes the package the same way.
 * uv does not consider the base interpreter's packages installed, even in a venv with system site
 * packages, so every package that is not left out lands inside the environment.
 *
 * <p>Files come from uv's cache the way uv links them by default (hardlinks on Linux): a warm
 * re-create takes about a second where copying transformers' 4,000 files takes ten. The price is
 * uv's: a file edited in place in an environment is edited in the cache too. {@code env verify}
 * finds such edits (files that differ from their RECORD); {@code UV_LINK_MODE=copy} makes uv
 * copy instead.
 */
public final class UvProvisioner implements Provisioner {

    private static volatile Boolean excludesSupported;

    private final Path uv;
    private final ProcessRunner runner;

    public UvProvisioner(Path uv, ProcessRunner runner) {
        this.uv = uv;
        this.runner = runner;
    }

    @Override
    public InstallerKind kind() {
        return InstallerKind.UV;
    }

    @Override
    public ProvisionResult provision(ProvisionRequest request) {
        EnvironmentSpec spec = request.spec();
        InstallSteps steps = new InstallSteps(runner, request);
        List<String> notes = new ArrayList<>();
        List<String> venv = new ArrayList<>(List.of(uv.toString(), "venv", request.directory().toString(),
                "--python", spec.python().interpreter().realExecutable().toString(), "--no-project", "--no-config"));
        if (BaseInheritance.systemSitePackages(spec)) {
            venv.add("--system-site-packages");
        }
        Optional<InstallFailure> f = steps.run("creating the virtual environment (uv venv)", venv);
        if (f.isPresent()) {
            return ProvisionResult.failed(f.get());
        }
        f = steps.inherit();
        if (f.isPresent()) {
            return ProvisionResult.failed(f.get());
        }
        Path python = new VirtualEnvironment(request.directory()).python();
        List<String> install = new ArrayList<>(List.of(uv.toString(), "pip", "install", "--python", python.toString()));
        List<String> requirementLines;
        if (spec.locked().isPresent()) {
            // Exactly the lock: every distribution pinned, nothing resolved again.
            requirementLines = spec.locked().get().installed().stream().map(LockedDistribution::pin).toList();
            install.add("--no-deps");
        } else {
            requirementLines = InstallSteps.texts(spec.requirements());
            if (!spec.constraints().isEmpty()) {
                install.add("--constraints");
                install.add(steps.write("constraints.txt", InstallSteps.texts(spec.constraints())).toString());
            }
            if (!spec.excluded().isEmpty()) {
                List<String> names = spec.excluded().stream().map(PackageName::value).toList();
                if (supportsExcludes()) {
                    install.add("--excludes");
                    install.add(steps.write("excludes.txt", names).toString());
                } else {
                    install.add("--overrides");
                    install.add(steps.write("overrides.txt",
                            names.stream().map(n -> n + " ; python_version < '0'").toList()).toString());
                    notes.add("this uv has no --excludes; left-out packages were removed with never-true overrides");
                }
            }
        }
        if (requirementLines.isEmpty()) {
            steps.write("requirements.txt", List.of());
            return ProvisionResult.ok(notes);
        }
        install.add("--requirements");
        install.add(steps.write("requirements.txt", requirementLines).toString());
        install.addAll(spec.index().installerArgs());
        f = steps.run("installing " + requirementLines.size() + " requirement" + (requirementLines.size() == 1 ? "" : "s")
                + " (uv pip install)", install);
        return f.map(ProvisionResult::failed).orElseGet(() -> ProvisionResult.ok(notes));
    }

    private boolean supportsExcludes() {
        Boolean known = excludesSupported;
        if (known == null) {
            try {
                CommandOutcome help = runner.run(ExternalCommand.of(uv.toString(), "pip", "install", "--help")
                        .withTimeout(Duration.ofSeconds(30)));
                known = help.stdout().contains("--excludes");
            } catch (IOException e) {
                known = false;
            }
            excludesSupported = known;
        }
        return known;
    }
}
