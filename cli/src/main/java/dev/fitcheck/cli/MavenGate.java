package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.java.ClassPath;
import dev.fitcheck.java.GateReport;
import dev.fitcheck.java.GateResult;
import dev.fitcheck.java.JavaFindings;
import dev.fitcheck.java.JavaJson;
import dev.fitcheck.java.JavaProjectAnalysis;
import dev.fitcheck.java.LinkageProblem;
import dev.fitcheck.java.MavenVersionOrder;
import dev.fitcheck.java.ReleaseSelection;
import dev.fitcheck.java.SourceReferenceExtractor;
import dev.fitcheck.java.SourceReferences;
import dev.fitcheck.java.Upgrade;
import dev.fitcheck.java.UpgradeBreak;
import dev.fitcheck.java.UpgradeGate;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.MavenModule;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettings;
import dev.fitcheck.maven.ProjectRequest;
import dev.fitcheck.maven.ProjectResult;
import dev.fitcheck.maven.RemoteRepo;
import dev.fitcheck.maven.ResolvedJar;
import dev.fitcheck.maven.VersionsRequest;
import dev.fitcheck.maven.VersionsResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fitcheck gate --upgrade g:a:v} on a Maven project: resolves every module twice (as it is,
 * and with the upgrades forced the way a dependencyManagement pin would), and reports each source
 * line that stops resolving and each new linkage problem between jars. Exit 1 when anything
 * breaks, so CI can stop the upgrade before it lands.
 */
final class MavenGate {

    record Options(List<ArtifactCoordinate> upgrades, boolean newest, boolean json, Optional<Path> sarif,
            MavenSettings settings) {
    }

    private MavenGate() {
    }

    static int run(Path pom, Options options, PrintWriter out, PrintWriter err) {
        Path root = MavenProjects.repositoryRoot(pom.getParent());
        List<GateReport> reports = new ArrayList<>();
        List<ArtifactCoordinate> upgrades;
        try (MavenResolutionSession maven = MavenResolutionSession.open(options.settings(),
                msg -> err.println("fitcheck: " + msg))) {
            ProjectResult before = maven.readProject(ProjectRequest.of(pom));
            upgrades = options.newest() ? newest(maven, before) : options.upgrades();
            check(maven, before, upgrades);
            ProjectResult after = maven.readProject(new ProjectRequest(pom, upgrades));
            UpgradeGate gate = new UpgradeGate();
            for (MavenModule was : before.codeModules()) {
                MavenModule is = after.codeModules().stream()
                        .filter(m -> m.project().id().equals(was.project().id())).findFirst().orElseThrow();
                ClassPath cpBefore = JavaProjectAnalysis.classPathOf(MavenProjects.input(was).classPath());
                ClassPath cpAfter = JavaProjectAnalysis.classPathOf(MavenProjects.input(is).classPath());
                List<Path> roots = new ArrayList<>(List.of(was.project().sourceDirectory()));
                roots.addAll(was.siblingSourceRoots());
                SourceReferenceExtractor extractor = new SourceReferenceExtractor(roots,
                        was.classPath().stream().map(ResolvedJar::file).toList(),
                        owner -> cpBefore.entryOf(owner).isPresent() || cpAfter.entryOf(owner).isPresent());
                SourceReferences refs = extractor.extract(
                        new SourceReferenceExtractor(List.of(was.project().sourceDirectory()), List.of(), o -> false).sourceFiles());
                GateResult result = gate.evaluate(cpBefore, cpAfter, refs.references());
                List<String> errors = new ArrayList<>();
                was.errors().forEach(e -> errors.add(e.sentence()));
                is.errors().forEach(e -> errors.add("after the upgrade: " + e.sentence()));
                reports.add(new GateReport(was.project().label(), was.project().pom(), result, errors,
                        MavenProjects.declarations(was, root)));
            }
        }
        boolean passed = reports.stream().allMatch(r -> r.result().passed());
        if (options.json()) {
            out.print(new JavaJson(root).gate(reports));
        } else {
            printText(upgrades, reports, passed, root, out);
        }
        options.sarif().ifPresent(file -> Output.writeAtomically(file,
                new JavaFindings(root).addGate(reports).render(Output.version())));
        out.flush();
        return passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** Every declared dependency (not a module of the project) at its newest release of the same flavour. */
    private static List<ArtifactCoordinate> newest(MavenResolutionSession maven, ProjectResult project) {
        Map<String, String> current = new LinkedHashMap<>();
        Set<String> modules = new LinkedHashSet<>();
        project.modules().forEach(m -> modules.add(m.project().id()));
        List<RemoteRepo> repos = new ArrayList<>();
        for (MavenModule m : project.codeModules()) {
            for (ResolvedJar j : m.classPath()) {
                if (j.direct() && !modules.contains(j.id())) current.putIfAbsent(j.id(), j.version());
            }
            m.project().repositories().forEach(r -> {
                if (!repos.contains(r)) repos.add(r);
            });
        }
        VersionsResult listed = maven.listVersions(new VersionsRequest(List.copyOf(current.keySet()), repos));
        List<ArtifactCoordinate> out = new ArrayList<>();
        current.forEach((id, version) -> {
            List<String> newer = ReleaseSelection.NEWER.select(listed.versions().getOrDefault(id, List.of()), version);
            String last = newer.get(newer.size() - 1);
            if (!last.equals(version)) {
                String[] ga = id.split(":");
                out.add(new ArtifactCoordinate(ga[0], ga[1], last));
            }
        });
        return out;
    }

    /** An upgrade must name an artifact of the project and a release that exists. */
    private static void check(MavenResolutionSession maven, ProjectResult project, List<ArtifactCoordinate> upgrades) {
        for (ArtifactCoordinate u : upgrades) {
            boolean onClassPath = project.codeModules().stream()
                    .anyMatch(m -> m.classPath().stream().anyMatch(j -> j.id().equals(u.id())));
            if (!onClassPath) {
                throw new InputError("--upgrade " + u + ": expected an artifact on the project's class path; "
                        + u.id() + " is not a dependency of " + project.modules().get(0).project().label());
            }
            List<RemoteRepo> repos = project.modules().get(0).project().repositories();
            VersionsResult listed = maven.listVersions(new VersionsRequest(List.of(u.id()), repos));
            List<String> released = listed.versions().getOrDefault(u.id(), List.of());
            if (!released.isEmpty() && !released.contains(u.version())) {
                List<String> near = released.stream()
                        .filter(v -> !MavenVersionOrder.isPreRelease(v)).toList();
                String newest = near.isEmpty() ? released.get(released.size() - 1) : near.get(near.size() - 1);
                throw new InputError("--upgrade " + u + ": expected a released version of " + u.id()
                        + "; the repositories have no " + u.version() + " (newest: " + newest + ")");
            }
        }
    }

    private static void printText(List<ArtifactCoordinate> asked, List<GateReport> reports, boolean passed, Path root,
            PrintWriter out) {
        if (asked.isEmpty()) {
            out.println("gate: nothing to upgrade (every dependency is at its newest release)");
        } else {
            out.println("gate: " + String.join(", ", asked.stream().map(ArtifactCoordinate::toString).toList()));
        }
        for (GateReport r : reports) {
            GateResult g = r.result();
            out.println(r.module() + ": " + (g.passed() ? "passes" : "FAILS") + " (" + g.breaks().size() + " source break"
                    + (g.breaks().size() == 1 ? "" : "s") + ", " + g.newLinkageProblems().size() + " new linkage problem"
                    + (g.newLinkageProblems().size() == 1 ? "" : "s") + "; " + g.sourceReferencesChecked()
                    + " source references checked)");
            for (Upgrade u : g.upgrades()) {
                out.println("  changes " + u.display());
            }
            for (UpgradeBreak b : g.breaks()) {
                out.println("  " + Output.relativeSentence(root, b.sentence()));
            }
            for (LinkageProblem p : g.newLinkageProblems()) {
                out.println("  linkage: " + p.sentence());
            }
            r.errors().forEach(e -> out.println("  resolution error: " + e));
        }
        out.println(passed ? "gate passed" : "gate FAILED");
    }
}
