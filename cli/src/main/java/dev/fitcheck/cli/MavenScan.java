package dev.fitcheck.cli;

import dev.fitcheck.catalogue.CatalogueDirectory;
import dev.fitcheck.java.DependencyRange;
import dev.fitcheck.java.JavaCatalogue;
import dev.fitcheck.java.JavaFindings;
import dev.fitcheck.java.JavaJson;
import dev.fitcheck.java.JavaProjectAnalysis;
import dev.fitcheck.java.LinkageProblem;
import dev.fitcheck.java.ModuleReport;
import dev.fitcheck.java.ReleaseSelection;
import dev.fitcheck.java.UnresolvedUse;
import dev.fitcheck.maven.CatalogueRequest;
import dev.fitcheck.maven.CatalogueResult;
import dev.fitcheck.maven.MavenCatalogues;
import dev.fitcheck.maven.MavenModule;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettings;
import dev.fitcheck.maven.ProjectRequest;
import dev.fitcheck.maven.ProjectResult;
import dev.fitcheck.maven.ResolutionError;
import dev.fitcheck.java.ConvergenceProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fitcheck scan} on a Maven project: per module, the range of releases each dependency
 * allows (with the bounding references), the class path's linkage problems and its version
 * conflicts. Always exits 0 when it could scan: it reports, the gate decides.
 */
final class MavenScan {

    record Options(ReleaseSelection versions, boolean json, Optional<Path> sarif, Path catalogueDir, MavenSettings settings) {
    }

    private MavenScan() {
    }

    static int run(Path pom, Options options, PrintWriter out, PrintWriter err) {
        Path root = MavenProjects.repositoryRoot(pom.getParent());
        List<ModuleReport> reports = new ArrayList<>();
        try (MavenResolutionSession maven = MavenResolutionSession.open(options.settings(),
                msg -> err.println("fitcheck: " + msg))) {
            ProjectResult project = maven.readProject(ProjectRequest.of(pom));
            MavenCatalogues catalogues = new MavenCatalogues(maven, new CatalogueDirectory(options.catalogueDir()),
                    msg -> err.println("fitcheck: " + msg));
            for (MavenModule m : project.codeModules()) {
                reports.add(scanModule(m, catalogues, options, root));
            }
        }
        if (options.json()) {
            out.print(new JavaJson(root).scan(reports));
        } else {
            printText(reports, root, out);
        }
        options.sarif().ifPresent(file -> Output.writeAtomically(file,
                new JavaFindings(root).addScan(reports).render(Output.version())));
        out.flush();
        return ExitCode.OK;
    }

    private static ModuleReport scanModule(MavenModule m, MavenCatalogues catalogues, Options options, Path root) {
        List<String> errors = new ArrayList<>();
        m.errors().forEach(e -> errors.add(e.sentence()));
        JavaProjectAnalysis analysis = JavaProjectAnalysis.of(MavenProjects.input(m));
        Map<String, String> toRange = new LinkedHashMap<>();
        for (String id : analysis.artifactsToRange()) {
            analysis.classPath().entry(id).ifPresent(e -> toRange.put(id, e.version()));
        }
        CatalogueResult built = catalogues.catalogues(new CatalogueRequest(toRange, options.versions(),
                m.project().repositories()));
        built.errors().stream().map(ResolutionError::sentence).forEach(errors::add);
        Map<String, JavaCatalogue> usable = new LinkedHashMap<>();
        built.catalogues().forEach((id, c) -> {
            if (c.indexOf(toRange.get(id)) >= 0) usable.put(id, c);
        });
        List<DependencyRange> ranges = analysis.ranges(usable);
        return new ModuleReport(m.project().label(), m.project().pom(), analysis.sources().files(),
                analysis.sources().references().size(), ranges, analysis.linkage().problems(),
                analysis.linkage().referencesChecked(), m.convergence(), analysis.sources().unresolved(),
                analysis.sources().parseProblems(), errors, MavenProjects.declarations(m, root));
    }

    static void printText(List<ModuleReport> reports, Path root, PrintWriter out) {
        for (ModuleReport m : reports) {
            out.println(m.module() + " (" + Output.relative(root, m.pom()) + "): " + m.sourceFiles() + " source file"
                    + (m.sourceFiles() == 1 ? "" : "s") + ", " + m.sourceReferences() + " reference"
                    + (m.sourceReferences() == 1 ? "" : "s") + " into dependencies");
            for (DependencyRange r : m.ranges()) {
                out.println("  " + r.artifact() + " " + r.resolvedVersion() + ": runs on " + r.range() + " of "
                        + r.checkedVersions().size() + " release" + (r.checkedVersions().size() == 1 ? "" : "s")
                        + " checked (" + r.checkedVersions().get(0) + " .. " + r.checkedVersions().get(r.checkedVersions().size() - 1)
                        + "); " + r.sourceReferences() + " source and " + r.classFileReferences() + " class-file references");
                r.lower().ifPresent(b -> out.println("    lower bound: " + Output.relativeSentence(root, b.sentence())));
                r.upper().ifPresent(b -> out.println("    upper bound: " + Output.relativeSentence(root, b.sentence())));
                if (!r.unverified().isEmpty()) {
                    out.println("    " + r.unverified().size() + " reference" + (r.unverified().size() == 1 ? "" : "s")
                            + " already fail on " + r.resolvedVersion() + " (bound nothing), first: "
                            + r.unverified().get(0).symbol().display() + " at "
                            + Output.relativeSentence(root, r.unverified().get(0).site().display()));
                }
            }
            out.println("  linkage: " + m.linkageProblems().size() + " problem" + (m.linkageProblems().size() == 1 ? "" : "s")
                    + " in " + m.linkageReferencesChecked() + " references between jars");
            for (LinkageProblem p : m.linkageProblems()) {
                out.println("    " + p.sentence());
            }
            out.println("  version conflicts: " + m.convergence().size());
            for (ConvergenceProblem c : m.convergence()) {
                out.println("    " + c.artifact() + ": requested at "
                        + String.join(", ", c.requests().stream().map(ConvergenceProblem.Request::version).distinct().toList())
                        + "; nearest-wins selected " + c.selectedVersion());
                c.requests().stream().filter(q -> !q.version().equals(c.selectedVersion())).limit(3).forEach(q ->
                        out.println("      " + q.version() + " via " + String.join(" > ", q.path().subList(1, q.path().size()))));
            }
            out.println("  unresolved: " + m.unresolved().size() + " use" + (m.unresolved().size() == 1 ? "" : "s")
                    + " the symbol solver could not resolve");
            for (UnresolvedUse u : m.unresolved().stream().limit(5).toList()) {
                out.println("    " + u.location().relativeTo(root).display() + ": " + u.text() + " (" + u.reason() + ")");
            }
            m.parseProblems().forEach(p -> out.println("  does not parse: " + Output.relativeSentence(root, p)));
            m.errors().forEach(e -> out.println("  resolution error: " + e));
        }
    }
}
