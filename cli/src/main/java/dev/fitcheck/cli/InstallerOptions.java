package dev.fitcheck.cli;

import dev.fitcheck.env.EnvironmentPlanner;
import dev.fitcheck.env.IndexOptions;
import dev.fitcheck.env.InstallerKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --installer}, {@code --find-links}, {@code --no-index}: how environments get their packages. */
final class InstallerOptions {

    enum Installer { uv, pip }

    @Option(names = "--installer", paramLabel = "uv|pip",
            description = "The installer: uv (default when on PATH) or pip (the standard library's venv and pip).")
    Installer installer;

    @Option(names = "--find-links", paramLabel = "DIR",
            description = "A local wheelhouse to install from, besides machine.find_links in fitcheck.yaml (repeatable).")
    List<Path> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Do not use a package index: only the wheelhouses (for machines without internet).")
    boolean noIndex;

    @Option(names = "--without", paramLabel = "PACKAGE",
            description = "Leave this package out of the environment, and out of resolution (repeatable), as "
                    + "environment.skip_without_cuda does: for a machine that cannot build or fetch it.")
    List<String> without = new ArrayList<>();

    EnvironmentPlanner.Overrides overrides() {
        Optional<InstallerKind> kind = Optional.ofNullable(installer)
                .map(i -> i == Installer.uv ? InstallerKind.UV : InstallerKind.PIP);
        return new EnvironmentPlanner.Overrides(kind,
                new IndexOptions(findLinks, noIndex, Optional.empty(), List.of()), without);
    }
}
