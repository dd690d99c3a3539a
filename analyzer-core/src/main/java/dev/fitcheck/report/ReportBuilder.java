package dev.fitcheck.report;

import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.Collision;
import dev.fitcheck.compat.Constraint;
import dev.fitcheck.compat.ConstraintSource;
import dev.fitcheck.compat.Disagreement;
import dev.fitcheck.compat.GateBreak;
import dev.fitcheck.compat.GateResult;
import dev.fitcheck.compat.InferredRange;
import dev.fitcheck.compat.MigrationRule;
import dev.fitcheck.compat.MigrationRules;
import dev.fitcheck.compat.ModelAnalysis;
import dev.fitcheck.compat.PackageVerdict;
import dev.fitcheck.compat.ReleaseChoice;
import dev.fitcheck.compat.ResolvedReference;
import dev.fitcheck.compat.UpgradeGate;
import dev.fitcheck.compat.WorkspaceAnalysis;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.plan.ConfigurationPlan;
import dev.fitcheck.memory.plan.LoadConfiguration;
import dev.fitcheck.memory.plan.MemoryReport;
import dev.fitcheck.report.chart.MemoryBars;
import dev.fitcheck.report.chart.ReleaseTimeline;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.version.Version;
import dev.fitcheck.version.VersionSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns an analysis into the report's data: every sentence computed, every claim with its evidence. */
public final class ReportBuilder {

    private static final int RELEASES_SHOWN = 3;

    private final ApiHistories histories;
    private final MigrationRules migrations;

    public ReportBuilder(ApiHistories histories, MigrationRules migrations) {
        this.histories = histories;
        this.migrations = migrations;
    }

    /**
     * @param workspaceArgument the workspace as the user names it on the command line, for the
     *                          commands the report suggests
     */
    public Report build(WorkspaceAnalysis analysis, String workspaceArgument) {
        return build(analysis, workspaceArgument, List.of(), List.of());
    }

    /**
     * @param memory one memory report per model that describes its memory, in workspace order
     * @param tests  each model's latest test run, as far as there is one
     */
    public Report build(WorkspaceAnalysis analysis, String workspaceArgument, List<MemoryReport> memory,
            List<TestRunSection> tests) {
        Path root = analysis.workspace().root();
        List<DependencyRow> rows = analysis.verdicts().stream().map(v -> row(v, analysis, root)).toList();
        List<Report.LintRow> lints = new ArrayList<>();
        for (ModelAnalysis m : analysis.models()) {
            for (LintFinding f : m.lints()) {
                lints.add(new Report.LintRow(m.name(), f.rule().id(), rel(f.call(), root), relMessage(f, root), f.rule().help()));
            }
        }
        Optional<MemorySection> memorySection = MemorySectionBuilder.build(analysis.workspace(), memory);
        List<Solution> solutions = new ArrayList<>(solutions(analysis, root, workspaceArgument));
        solutions.addAll(memorySolutions(analysis, memory));
        Report.Summary summary = summary(analysis, solutions, lints, root, memory);
        return new Report(title(analysis), analysis.workspace().name(), analysis.workspace().modelNames(), summary, rows,
                comparison(analysis, memory), timeline(analysis), memorySection, memoryBars(memory), lints, solutions,
                tests, nextSteps(analysis, solutions, lints, workspaceArgument));
    }

    private static String title(WorkspaceAnalysis a) {
        List<String> titles = a.models().stream().map(m -> m.model().card().title()).toList();
        return "fitcheck: " + String.join(" vs ", titles);
    }

    // ---- dependencies ----

    private DependencyRow row(PackageVerdict v, WorkspaceAnalysis analysis, Path root) {
        List<DependencyRow.ModelRequirement> sides = new ArrayList<>();
        for (ModelAnalysis m : analysis.models()) {
            if (!v.constraintsByModel().containsKey(m.name())) continue;
            String dist = v.distribution();
            List<Evidence> declared = m.declared(dist).stream()
                    .map(r -> new Evidence(r.specifier().isEmpty() ? "any" : r.specifier().toString(), "declared",
                            rel(r.location(), root)))
                    .toList();
            Optional<InferredRange> inferred = m.inferred(dist);
            List<Evidence> bounds = new ArrayList<>();
            inferred.ifPresent(r -> {
                r.lower().ifPresent(b -> bounds.add(new Evidence(">=" + b.version(), b.symbol(),
                        b.reference().location().relativeTo(root).lineDisplay())));
                r.upper().ifPresent(b -> bounds.add(new Evidence("<" + b.version(), b.symbol(),
                        b.reference().location().relativeTo(root).lineDisplay())));
            });
            List<Evidence> transitive = m.constraints().getOrDefault(dist, List.of()).stream()
                    .filter(c -> c.source() == ConstraintSource.TRANSITIVE)
                    .map(c -> new Evidence(c.allowed().toString(), c.reason(), rel(c.location(), root))).toList();
            List<String> disagreements = m.disagreements().stream().filter(d -> d.distribution().equals(dist))
                    .map(d -> d.sentence() + " (" + rel(d.location(), root) + ")").toList();
            Optional<String> wholeTree = m.wholeTreeDiffering(dist).map(t -> codeRangeText(t)
                    + t.lower().map(b -> ", from " + b.symbol() + " " + b.reference().location().relativeTo(root).lineDisplay())
                            .orElse("")
                    + t.upper().map(b -> ", until " + b.symbol() + " " + b.reference().location().relativeTo(root).lineDisplay())
                            .orElse(""));
            sides.add(new DependencyRow.ModelRequirement(m.name(), declared, inferred.map(r -> codeRangeText(r)),
                    bounds, wholeTree, transitive, m.effective(dist).toString(), disagreements));
        }
        Optional<Evidence> today = analysis.today().flatMap(t -> t.get(v.distribution()))
                .map(p -> new Evidence(p.version().map(Version::toString).orElse(p.asWritten()), "installed",
                        rel(p.location(), root)));
        boolean codeKnown = sides.stream().anyMatch(side -> side.codeRange().isPresent());
        String status = v.shared() ? "shared"
                : codeKnown && !v.declared().possible() && v.code().possible() && codeAndTransitiveShare(v)
                        ? "conflict (pins only)"
                : "conflict";
        return new DependencyRow(v.distribution(), sides, today, new DependencyRow.Verdict(status,
                judgement(v.declared(), root), judgement(v.code(), root), judgement(v.effective(), root)));
    }

    private static String codeRangeText(InferredRange r) {
        if (r.isEmpty()) return "none";
        String set = r.range().toString();
        List<Version> releases = r.releases();
        // ">=4.30.0" on the oldest catalogued release means "as far back as we know"
        return set.startsWith(">=" + releases.get(0)) ? set + " (catalogued from " + releases.get(0) + ")" : set;
    }

    /** Whether the models could share a release if only the pins of this package were relaxed. */
    private static boolean codeAndTransitiveShare(PackageVerdict v) {
        VersionSet set = VersionSet.all();
        for (List<Constraint> cs : v.constraintsByModel().values()) {
            for (Constraint c : cs) {
                if (c.source() != ConstraintSource.DECLARED) set = set.intersect(c.allowed());
            }
        }
        return !set.isEmpty();
    }

    private static DependencyRow.Judgement judgement(PackageVerdict.Judgement j, Path root) {
        List<String> newest = j.releasesNewestFirst().stream().limit(RELEASES_SHOWN).map(Version::toString).toList();
        return new DependencyRow.Judgement(j.allowed().toString(), newest,
                j.collision().map(c -> new Collision(rel(c.first(), root), rel(c.second(), root)).explain()));
    }

    // ---- solutions ----

    private List<Solution> solutions(WorkspaceAnalysis a, Path root, String ws) {
        List<Solution> out = new ArrayList<>();
        List<PackageVerdict> conflicts = a.conflicts();
        if (conflicts.isEmpty()) {
            out.add(new Solution("share", "Share one environment", true, "possible",
                    "none: one environment serves every model",
                    List.of("Every package has a release that all models allow."), List.of(), List.of("one environment"),
                    List.of()));
        } else {
            out.add(new Solution("share", "Share one environment", false, "not possible",
                    conflicts.size() + " package(s) conflict",
                    conflicts.stream().map(v -> v.distribution() + ": " + judgement(v.effective(), root).collision().orElse(""))
                            .toList(), List.of(), List.of(), List.of()));
        }
        if (!conflicts.isEmpty()) {
            out.add(relaxPins(a, conflicts, root));
            out.add(isolate(a, ws));
            out.addAll(patches(a, conflicts, root));
        }
        return out;
    }

    private Solution relaxPins(WorkspaceAnalysis a, List<PackageVerdict> conflicts, Path root) {
        List<String> details = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        boolean viable = true;
        for (PackageVerdict v : conflicts) {
            VersionSet set = VersionSet.all();
            for (List<Constraint> cs : v.constraintsByModel().values()) {
                for (Constraint c : cs) {
                    if (c.source() != ConstraintSource.DECLARED) set = set.intersect(c.allowed());
                }
            }
            Optional<ApiHistory> history = histories.byDistribution(v.distribution());
            if (history.isEmpty()) {
                viable = false;
                details.add(v.distribution() + " is not catalogued: fitcheck cannot tell which release every model's code "
                        + "runs on (`fitcheck catalogue build " + v.distribution() + "` adds it)");
                continue;
            }
            Optional<Version> pick = set.newestIn(history.get().releases());
            if (pick.isEmpty()) {
                viable = false;
                details.add(v.distribution() + ": the code of the models cannot share a release either"
                        + judgement(v.code(), root).collision().map(c -> " (" + c + ")").orElse(""));
                continue;
            }
            boolean used = a.models().stream().anyMatch(m -> m.inferred(v.distribution()).isPresent());
            details.add(used ? v.distribution() + " " + pick.get() + " satisfies every model's code (" + set + ")"
                    : v.distribution() + ": no model's code imports it; " + pick.get() + " is the newest catalogued release "
                            + "the other packages allow (" + set + ")");
            for (ModelAnalysis m : a.models()) {
                for (Requirement r : m.declared(v.distribution())) {
                    if (!r.specifier().isEmpty() && !r.specifier().contains(pick.get(), true)) {
                        steps.add("edit " + rel(r.location(), root) + ": " + r.text() + " -> " + v.distribution() + "=="
                                + pick.get());
                    }
                }
            }
        }
        String cost = viable ? steps.size() + " pin(s) edited; each model then runs a release it was not released with, so "
                + "both must be tested again (`fitcheck test`)" : "not shown to work: see below";
        return new Solution("relax-pins", "Relax the pins and share one environment", viable,
                viable ? "possible, untested" : "not possible", cost, details, steps,
                List.of("one environment and one copy of each package"),
                List.of("runs code on releases its authors did not test"));
    }

    private Solution isolate(WorkspaceAnalysis a, String ws) {
        List<String> details = new ArrayList<>();
        boolean viable = true;
        for (ModelAnalysis m : a.models()) {
            List<ReleaseChoice> choices = a.choicesFor(m.name());
            for (String dist : m.constraints().keySet()) {
                if (m.effective(dist).isEmpty() && choices.stream().noneMatch(c -> c.distribution().equals(dist))) {
                    viable = false;
                    details.add(m.name() + ": no release of " + dist + " satisfies its own constraints");
                }
            }
            String picks = choices.stream().filter(c -> a.verdict(c.distribution()).map(v -> !v.shared()).orElse(false))
                    .map(c -> c.distribution() + " " + c.release() + " (" + c.reason() + ")")
                    .collect(Collectors.joining("; "));
            if (!picks.isEmpty()) details.add(m.name() + ": " + picks);
        }
        int duplicated = (int) a.verdicts().stream().filter(v -> v.constraintsByModel().size() > 1).count();
        String cost = a.models().size() + " environments to maintain; " + duplicated
                + " package(s) installed in more than one of them";
        return new Solution("isolate", "One environment per model", viable, viable ? "possible" : "not possible", cost,
                details, List.of("./fitcheck env create --all -w " + ws),
                List.of("each model keeps the releases it was built for", "no code change"),
                List.of("more disk", "each environment is tested and upgraded on its own"));
    }

    /** For each conflict, patching the model whose code bounds it so that it runs on the other's release. */
    private List<Solution> patches(WorkspaceAnalysis a, List<PackageVerdict> conflicts, Path root) {
        List<Solution> out = new ArrayList<>();
        for (PackageVerdict v : conflicts) {
            Optional<Collision> collision = v.effective().collision().or(() -> v.code().collision());
            if (collision.isEmpty()) continue;
            for (Constraint side : List.of(collision.get().first(), collision.get().second())) {
                if (side.source() != ConstraintSource.INFERRED_UPPER) continue;
                String patched = side.model();
                Optional<ReleaseChoice> target = a.choices().stream()
                        .filter(c -> !c.model().equals(patched) && c.distribution().equals(v.distribution())).findFirst();
                Optional<ApiHistory> history = histories.byDistribution(v.distribution());
                ModelAnalysis m = a.model(patched).orElseThrow();
                if (target.isEmpty() || history.isEmpty() || m.inferred(v.distribution()).isEmpty()) continue;
                GateResult gate = new UpgradeGate().check(v.distribution(), target.get().release(),
                        history.get().releases(), List.of(new UpgradeGate.ModelEvidence(patched,
                                m.inferred(v.distribution()), List.of())));
                out.add(patch(v.distribution(), patched, target.get().release(), gate, m, root));
            }
        }
        return out;
    }

    private Solution patch(String dist, String model, Version target, GateResult gate, ModelAnalysis m, Path root) {
        List<String> details = new ArrayList<>();
        Set<String> symbols = new LinkedHashSet<>();
        List<String> efforts = new ArrayList<>();
        for (GateBreak b : gate.breaks()) {
            symbols.add(b.symbol());
            details.add(rel(b.location(), root) + ": " + b.reason());
        }
        List<String> steps = new ArrayList<>();
        for (String symbol : symbols) {
            Optional<MigrationRule> rule = ruleFor(dist, symbol, m);
            if (rule.isPresent()) {
                steps.add("replace " + symbol + " with " + rule.get().replacement() + ": " + rule.get().how());
                efforts.add(rule.get().effort());
            } else {
                steps.add("replace " + symbol + ": no migration rule yet (add one to rules/migrations/)");
                efforts.add("unknown");
            }
        }
        String cost = symbols.size() + " symbol(s) in " + gate.breaks().size() + " place(s)"
                + (efforts.isEmpty() ? "" : ", effort: " + String.join(", ", efforts));
        return new Solution("patch-" + model, "Patch " + model + " to run on " + dist + " " + target,
                !gate.breaks().isEmpty(), "possible, code change", cost, details, steps,
                List.of("one environment for every model"),
                List.of("changes " + model + "'s code; its behaviour must be tested again"));
    }

    private Optional<MigrationRule> ruleFor(String dist, String symbol, ModelAnalysis m) {
        // The gate names symbols by short name; the rules by qualified name: match through the references.
        for (ResolvedReference r : m.inferred(dist).map(InferredRange::resolved).orElse(List.of())) {
            if (r.label().equals(symbol)) {
                Optional<MigrationRule> rule = migrations.forSymbol(dist, r.symbol().qualifiedName());
                if (rule.isPresent()) return rule;
            }
        }
        return Optional.empty();
    }

    // ---- summary and next steps ----

    private Report.Summary summary(WorkspaceAnalysis a, List<Solution> solutions, List<Report.LintRow> lints, Path root,
            List<MemoryReport> memory) {
        List<String> findings = new ArrayList<>();
        String models = String.join(" and ", a.workspace().modelNames());
        String verdict;
        List<PackageVerdict> conflicts = a.conflicts();
        if (conflicts.isEmpty()) {
            verdict = models + " can share one Python environment.";
        } else {
            verdict = models + " cannot share one Python environment: "
                    + conflicts.stream().map(PackageVerdict::distribution).collect(Collectors.joining(", ")) + " conflict"
                    + (conflicts.size() == 1 ? "s" : "") + ".";
            for (PackageVerdict v : conflicts) {
                judgement(v.declared(), root).collision().ifPresent(c -> findings.add("Declared: " + c + "."));
                DependencyRow.Judgement code = judgement(v.code(), root);
                if (code.collision().isPresent()) {
                    findings.add("Code: " + code.collision().get() + ".");
                } else if (!v.code().releasesNewestFirst().isEmpty()
                        && a.models().stream().anyMatch(m -> m.inferred(v.distribution()).isPresent())) {
                    findings.add("Code: the models' code alone could share " + v.distribution() + " "
                            + v.code().releasesNewestFirst().get(0) + " (" + v.code().allowed() + "); the pins forbid it.");
                }
            }
        }
        for (ModelAnalysis m : a.models()) {
            for (Disagreement d : m.disagreements()) {
                if (d.kind() == Disagreement.Kind.PIN_EXCLUDES_CODE) {
                    findings.add(m.name() + ": " + d.sentence() + " (" + rel(d.location(), root) + ").");
                }
            }
        }
        lints.forEach(l -> findings.add(l.model() + ": " + l.message() + " (" + l.location() + ")"));
        for (MemoryReport r : memory) {
            findings.add(memoryFinding(r));
        }
        String recommendation = solutions.stream().filter(Solution::viable).findFirst()
                .map(s -> s.title() + ": " + s.cost() + ".").orElse("No solution found; see the details below.");
        return new Report.Summary(verdict, recommendation, findings);
    }

    private static List<String> nextSteps(WorkspaceAnalysis a, List<Solution> solutions, List<Report.LintRow> lints,
            String ws) {
        List<String> steps = new ArrayList<>();
        solutions.stream().filter(Solution::viable).findFirst().ifPresent(s -> steps.addAll(s.steps()));
        lints.forEach(l -> steps.add("Fix " + l.location() + ": " + l.help()));
        for (ModelAnalysis m : a.models()) {
            steps.add("Test " + m.name() + " in its environment: ./fitcheck test " + m.name()
                    + (m.model().test().map(t -> t.gpu()).orElse(false) ? " --gpu" : "") + " -w " + ws);
        }
        return steps;
    }

    // ---- charts ----

    /** One track per package whose range was inferred from some model's code. */
    private Optional<ReleaseTimeline> timeline(WorkspaceAnalysis a) {
        List<ReleaseTimeline.PackageTrack> tracks = new ArrayList<>();
        for (PackageVerdict v : a.verdicts()) {
            Optional<ApiHistory> history = histories.byDistribution(v.distribution());
            boolean inferred = a.models().stream().anyMatch(m -> m.inferred(v.distribution()).isPresent());
            if (history.isEmpty() || !inferred) continue;
            List<Version> versions = history.get().releases();
            List<String> releases = versions.stream().map(Version::toString).toList();
            List<ReleaseTimeline.ModelSpan> spans = new ArrayList<>();
            for (ModelAnalysis m : a.models()) {
                if (!v.constraintsByModel().containsKey(m.name())) continue;
                VersionSet declared = m.declared(v.distribution()).stream().map(r -> r.specifier().toVersionSet())
                        .reduce(VersionSet.all(), VersionSet::intersect);
                Optional<ReleaseTimeline.Span> declaredSpan = m.declared(v.distribution()).isEmpty() ? Optional.empty()
                        : ReleaseTimeline.Span.covering(releases, r -> declared.contains(Version.parse(r)));
                Optional<String> note = m.declared(v.distribution()).isEmpty() ? Optional.of("not declared")
                        : declaredSpan.isEmpty() ? Optional.of("pin " + declared + " is not a catalogued release")
                        : Optional.empty();
                Optional<InferredRange> range = m.inferred(v.distribution());
                Optional<ReleaseTimeline.Span> code = range.flatMap(r -> ReleaseTimeline.Span.covering(releases,
                        x -> r.range().contains(Version.parse(x))));
                spans.add(new ReleaseTimeline.ModelSpan(m.name(), declaredSpan, code,
                        range.flatMap(InferredRange::lower).map(b -> b.symbol()),
                        range.flatMap(InferredRange::upper).map(b -> b.symbol()), note));
            }
            Optional<ReleaseTimeline.Span> shared = ReleaseTimeline.Span.covering(releases,
                    r -> v.effective().allowed().contains(Version.parse(r)));
            tracks.add(new ReleaseTimeline.PackageTrack(v.distribution(), releases, spans, shared));
        }
        return tracks.isEmpty() ? Optional.empty() : Optional.of(new ReleaseTimeline(tracks));
    }

    private static Optional<MemoryBars> memoryBars(List<MemoryReport> memory) {
        if (memory.isEmpty()) return Optional.empty();
        MemoryReport first = memory.get(0);
        List<MemoryBars.Segment> services = new ArrayList<>();
        first.gpu().services().forEach(s -> services.add(new MemoryBars.Segment(s.service(), s.memory().bytes())));
        if (first.gpu().others().bytes() > 0) services.add(new MemoryBars.Segment("other processes", first.gpu().others().bytes()));
        List<MemoryBars.Configuration> configurations = new ArrayList<>();
        for (MemoryReport r : memory) {
            for (ConfigurationPlan p : r.plans()) {
                configurations.add(new MemoryBars.Configuration(r.model() + " " + p.configuration().label(),
                        p.need().bytes(), p.fitsNow() && p.weights().works()));
            }
        }
        return Optional.of(new MemoryBars(first.gpu().gpuName(), first.gpu().total().bytes(), services, configurations));
    }

    // ---- memory: comparison, solutions, findings ----

    private static String memoryFinding(MemoryReport r) {
        String free = MemorySectionBuilder.gib(r.gpu().available());
        String video = MemorySectionBuilder.videoText(r.question().videoSeconds());
        List<String> parts = new ArrayList<>();
        for (ConfigurationPlan p : r.plans()) {
            String verdict = !p.weights().works() ? "fails (" + p.weights().problems().get(0).problem() + ")"
                    : p.fitsNow() ? "fits"
                    : p.stopToFit().map(stop -> "fits only after stopping " + String.join(" and ", stop))
                            .orElse("does not fit even with every service stopped");
            parts.add(p.configuration().label() + " needs " + MemorySectionBuilder.gib(p.need()) + " and " + verdict);
        }
        return r.model() + " with " + video + " of video, " + free + " free beside the services: "
                + String.join("; ", parts) + ".";
    }

    private List<Report.ComparisonRow> comparison(WorkspaceAnalysis a, List<MemoryReport> memory) {
        List<ModelAnalysis> models = a.models();
        List<Report.ComparisonRow> rows = new ArrayList<>();
        rows.add(row("Base model", models, m -> m.model().card().baseModel().orElse("-")));
        rows.add(row("Parameters", models, m -> {
            String card = m.model().card().parameters().orElse("-");
            return memoryOf(memory, m.name()).map(r -> card + " (" + String.format(java.util.Locale.ROOT, "%,d",
                    r.architecture().parameters()) + " counted)").orElse(card);
        }));
        for (LoadConfiguration c : List.of(LoadConfiguration.FULL, LoadConfiguration.INT8, LoadConfiguration.NF4)) {
            rows.add(row("Weights, " + c.label(), models, m -> memoryOf(memory, m.name())
                    .flatMap(r -> r.plans().stream().filter(p -> p.configuration() == c).findFirst())
                    .map(p -> MemorySectionBuilder.gib(p.weightsReserved()) + " (need " + MemorySectionBuilder.gib(p.need())
                            + ")").orElse("-")));
        }
        Set<String> features = new LinkedHashSet<>();
        models.forEach(m -> features.addAll(new java.util.TreeSet<>(m.model().card().features().keySet())));
        for (String f : features) {
            rows.add(row(capitalised(f), models, m -> {
                Boolean has = m.model().card().features().get(f);
                return has == null ? "-" : has ? "yes" : "no";
            }));
        }
        Set<String> inferredPackages = new java.util.TreeSet<>();
        models.forEach(m -> inferredPackages.addAll(m.inferred().keySet()));
        for (String dist : inferredPackages) {
            rows.add(row(dist + " (declared)", models, m -> m.declared(dist).stream()
                    .map(r -> r.specifier().isEmpty() ? "any" : r.specifier().toString()).findFirst().orElse("-")));
            rows.add(row(dist + " (code runs on)", models, m -> m.inferred(dist).map(ReportBuilder::codeRangeText)
                    .orElse("-")));
        }
        rows.add(row("Status", models, m -> m.model().card().status().orElse("-")));
        return rows;
    }

    private static Report.ComparisonRow row(String feature, List<ModelAnalysis> models,
            java.util.function.Function<ModelAnalysis, String> value) {
        return new Report.ComparisonRow(feature, models.stream().map(value).toList());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Optional<MemoryReport> memoryOf(List<MemoryReport> memory, String model) {
        return memory.stream().filter(r -> r.model().equals(model)).findFirst();
    }

    /** Stopping services, or quantizing, for each model whose full precision does not fit beside the services. */
    private static List<Solution> memorySolutions(WorkspaceAnalysis a, List<MemoryReport> memory) {
        List<Solution> out = new ArrayList<>();
        for (MemoryReport r : memory) {
            Optional<ConfigurationPlan> full = r.plans().stream()
                    .filter(p -> p.configuration() == LoadConfiguration.FULL).findFirst();
            if (full.isEmpty() || full.get().fitsNow()) continue;
            ConfigurationPlan f = full.get();
            String video = MemorySectionBuilder.videoText(r.question().videoSeconds());
            if (f.stopToFit().isPresent()) {
                List<String> stop = f.stopToFit().get();
                List<String> steps = new ArrayList<>();
                for (String name : stop) {
                    a.workspace().services().stream().filter(s -> s.name().equals(name)).findFirst()
                            .ifPresent(s -> steps.add("# stop " + name + ": " + String.join(" ", s.stop())));
                }
                steps.add("./fitcheck test " + r.model() + " --gpu --stop-services");
                for (String name : stop) {
                    a.workspace().services().stream().filter(s -> s.name().equals(name)).findFirst()
                            .ifPresent(s -> steps.add("# start " + name + ": " + String.join(" ", s.start())));
                }
                out.add(new Solution("stop-services-" + r.model(), "Run " + r.model() + " at full precision with services stopped",
                        true, "possible",
                        "stop " + String.join(" and ", stop) + " while " + r.model() + " runs; longest video then "
                                + MemorySectionBuilder.videoText(f.longestVideoSecondsAllStopped()),
                        List.of(r.model() + " at full precision needs " + MemorySectionBuilder.gib(f.need()) + " for "
                                + video + " of video; " + MemorySectionBuilder.gib(r.gpu().available())
                                + " is free beside the services"),
                        steps, List.of("no quality loss", "works immediately"),
                        List.of("the services are down while it runs", "no concurrent use")));
            } else {
                out.add(new Solution("stop-services-" + r.model(), "Run " + r.model() + " at full precision with services stopped",
                        false, "not possible",
                        "needs " + MemorySectionBuilder.gib(f.need()) + " for " + video + " of video; the GPU has "
                                + MemorySectionBuilder.gib(r.gpu().total()) + " in all",
                        List.of("even with every service stopped, the longest video that fits is "
                                + MemorySectionBuilder.videoText(f.longestVideoSecondsAllStopped())),
                        List.of(), List.of(), List.of()));
            }
            r.plans().stream()
                    .filter(p -> p.configuration() != LoadConfiguration.FULL && p.weights().works() && p.fitsNow())
                    .min(java.util.Comparator.comparing((ConfigurationPlan p) -> p.configuration() == LoadConfiguration.INT8 ? 0 : 1)
                            .thenComparing(p -> p.configuration().ordinal()))
                    .ifPresent(q -> out.add(quantize(r, q, video)));
        }
        return out;
    }

    private static Solution quantize(MemoryReport r, ConfigurationPlan q, String video) {
        List<String> details = new ArrayList<>();
        details.add(q.configuration().label() + " needs " + MemorySectionBuilder.gib(q.need()) + " for " + video
                + " of video (weights " + MemorySectionBuilder.gib(q.weightsReserved()) + ")");
        if (!q.weights().skipList().isEmpty()) {
            details.add("llm_int8_skip_modules=" + q.weights().skipList());
        }
        q.weights().kept().forEach(k -> details.add("keeps " + k.module() + " unquantized: " + k.reason() + " (costs "
                + MemorySectionBuilder.gib(new ByteSize(Math.max(0, k.cost()))) + ")"));
        details.addAll(q.weights().warnings());
        return new Solution("quantize-" + r.model(), "Quantize " + r.model() + ": " + q.configuration().label(), true,
                "possible", "needs " + MemorySectionBuilder.gib(q.need()) + ", longest video beside the services "
                        + MemorySectionBuilder.videoText(q.longestVideoSecondsNow()),
                details, List.of(), List.of("runs beside the services"),
                List.of("quantized weights can lower quality", "needs bitsandbytes and a CUDA GPU"));
    }

    // ---- paths relative to the workspace ----

    private static String rel(SourceLocation loc, Path root) {
        return loc.relativeTo(root).display();
    }

    private static Constraint rel(Constraint c, Path root) {
        return new Constraint(c.model(), c.distribution(), c.allowed(), c.source(), c.reason(), c.location().relativeTo(root));
    }

    private static String relMessage(LintFinding f, Path root) {
        return f.message(root);
    }
}
