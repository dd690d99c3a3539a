package dev.fitcheck.env;

import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.fitcheck.version.Specifier;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;

/**
 * Builds environments with the standard library's venv and the pip it seeds.
 *
 * <p>pip has no way to leave a package out of resolution, and to learn torch's dependencies it
 * downloads torch (gigabytes; an index without PEP 658 metadata files, such as many mirrors,
 * leaves it no other way). So for a spec with left-out packages fitcheck resolves first, with
 * {@code --dry-run --report}, giving pip a {@link StandInWheel} for each left-out package the base
 * interpreter lacks, as a direct-URL requirement: pip must take that file as the package, reads
 * its metadata (a version, no dependencies) and fetches nothing for it. The stand-in's version is
 * the manifests' pin, else the newest release the index lists that they allow. Then the left-out
 * packages and what only they need are removed ({@link PipResolution}) and the rest is installed
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
        if (BaseInheritance.systemSitePackages(spec)) {
            venv.add("--system-site-packages");
        }
        venv.add(request.directory().toString());
        Optional<InstallFailure> f = steps.run("creating the virtual environment (python -m venv)", venv);
        if (f.isPresent()) {
            return ProvisionResult.failed(f.get());
        }
        f = steps.inherit();
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
        Path requirements = steps.write("requirements.txt", lines);
        List<String> sources = new ArrayList<>();
        if (!spec.constraints().isEmpty()) {
            sources.add("--constraint");
            sources.add(steps.write("constraints.txt", InstallSteps.texts(spec.constraints())).toString());
        }
        sources.addAll(spec.index().installerArgs());

        if (spec.excluded().isEmpty()) {
            List<String> cmd = new ArrayList<>(pip);
            cmd.addAll(List.of("--requirement", requirements.toString()));
            cmd.addAll(sources);
            return steps.run("installing " + lines.size() + " requirements (pip install)", cmd)
                    .map(ProvisionResult::failed).orElseGet(() -> ProvisionResult.ok(notes));
        }

        // pip's resolver is handed a metadata-only stand-in for every left-out package that the
        // base interpreter does not provide, so it never fetches the real one.
        EnvironmentContents visible = EnvironmentContents.read(new VirtualEnvironment(request.directory()),
                spec.python().interpreter().sitePackages());
        List<String> withStandIns = new ArrayList<>(lines);
        for (PackageName name : spec.excluded()) {
            if (visible.visible(name).isPresent()) {
                continue; // the base has it; pip counts it as installed
            }
            Optional<String> version = standInVersion(spec, name, python, steps);
            if (version.isEmpty()) {
                return ProvisionResult.failed(new InstallFailure("choosing a stand-in version for " + name,
                        "pip index versions " + name, 1, List.of("pip cannot leave " + name + " out of its resolution "
                                + "without a version to stand in for it, and neither the manifests pin one nor does the "
                                + "index list one; pin " + name + " in the model's manifests, or use uv (--installer uv), "
                                + "which excludes packages by name"), request.log().file()));
            }
            try {
                Path wheel = StandInWheel.write(steps.inputDir().resolve("stand-ins"), name, version.get(),
                        name + " is left out of this environment");
                withStandIns.add(name.value() + " @ " + wheel.toUri());
                request.log().note("stand-in for " + name + ": " + version.get() + " (" + wheel + ")");
            } catch (IOException e) {
                return ProvisionResult.failed(new InstallFailure("writing a stand-in for " + name, "", 1,
                        List.of(e.toString()), request.log().file()));
            }
        }
        Path report = steps.inputDir().resolve("pip-resolution.json");
        List<String> resolve = new ArrayList<>(pip);
        resolve.addAll(List.of("--dry-run", "--report", report.toString(),
                "--requirement", steps.write("resolution.txt", withStandIns).toString()));
        resolve.addAll(sources);
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
        List<String> dropped = all.stream().filter(i -> !keep.contains(i) && !spec.excluded().contains(i.name()))
                .map(PipResolution.Item::line).toList();
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

    /**
     * The version a stand-in claims: the manifests' exact pin when there is one, else the newest
     * release the index lists that the manifests allow.
     */
    private Optional<String> standInVersion(EnvironmentSpec spec, PackageName name, Path python, InstallSteps steps) {
        VersionSet allowed = VersionSet.all();
        for (LeftOut l : spec.leftOut()) {
            if (!l.name().equals(name) || l.specifier().isEmpty()) continue;
            try {
                SpecifierSet s = SpecifierSet.parse(l.specifier());
                for (Specifier one : s.specifiers()) {
                    if (one.operator() == Specifier.Operator.EQUAL && !one.isWildcard()) {
                        return Optional.of(one.version());
                    }
                }
                allowed = allowed.intersect(s.toVersionSet());
            } catch (RuntimeException e) {
                // an unreadable specifier does not narrow the choice; the analysis reports it
            }
        }
        List<String> query = new ArrayList<>(List.of(python.toString(), "-m", "pip", "index", "versions", name.value()));
        query.addAll(spec.index().installerArgs());
        Optional<String> listed = steps.capture("listing the releases of " + name + " (pip index versions)", query);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        for (String line : listed.get().split("\\R")) {
            if (!line.startsWith("Available versions:")) continue;
            for (String v : line.substring("Available versions:".length()).split(",")) {
                Optional<Version> parsed = Version.tryParse(v.strip());
                if (parsed.isPresent() && allowed.contains(parsed.get())) {
                    return Optional.of(v.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String names(EnvironmentSpec spec) {
        return String.join(", ", spec.excluded().stream().map(PackageName::value).toList());
    }
}
