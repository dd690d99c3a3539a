package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.GateBreak;
import dev.fitcheck.compat.GateResult;
import dev.fitcheck.compat.ModelAnalysis;
import dev.fitcheck.compat.UpgradeGate;
import dev.fitcheck.compat.WorkspaceAnalysis;
import dev.fitcheck.compat.WorkspaceAnalyzer;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.lint.LintRules;
import dev.fitcheck.manifest.ManifestKind;
import dev.fitcheck.manifest.ManifestReader;
import dev.fitcheck.manifest.ManifestResult;
import dev.fitcheck.manifest.PackageName;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.report.sarif.GateSarif;
import dev.fitcheck.version.Specifier;
import dev.fitcheck.version.Version;
import dev.fitcheck.workspace.Workspace;
import dev.fitcheck.workspace.WorkspaceLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fitcheck gate --upgrade P==V} on a workspace of Python models: every model's inferred
 * range and constraints against the proposed release, each break with its file:line and reason.
 */
final class PythonGate {

    /** One proposed release: a package and the version it would move to. */
    record Upgrade(String distribution, Version version) {

        static Upgrade parse(String text) {
            int eq = text.indexOf("==");
            if (eq <= 0 || text.indexOf("==", eq + 2) >= 0) {
                throw new InputError("--upgrade " + text + ": expected PACKAGE==VERSION, such as transformers==5.0.0");
            }
            String version = text.substring(eq + 2).strip();
            return new Upgrade(PackageName.normalize(text.substring(0, eq).strip()), Version.tryParse(version)
                    .orElseThrow(() -> new InputError("--upgrade " + text + ": '" + version + "' is not a PEP 440 version")));
        }

        @Override
        public String toString() {
            return distribution + "==" + version;
        }
    }

    private PythonGate() {
    }

    /**
     * The upgrades a change to a requirements file proposes: every package whose exact pin
     * ({@code ==V}) in HEAD differs from BASE.
     */
    static List<Upgrade> fromRequirements(Path base, Path head) {
        Map<String, String> before = pins(ManifestReader.read(base, ManifestKind.REQUIREMENTS));
        Map<String, String> after = pins(ManifestReader.read(head, ManifestKind.REQUIREMENTS));
        List<Upgrade> out = new ArrayList<>();
        after.forEach((name, version) -> {
            if (!version.equals(before.get(name))) {
                Version.tryParse(version).ifPresent(v -> out.add(new Upgrade(name, v)));
            }
        });
        return out;
    }

    private static Map<String, String> pins(ManifestResult m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Requirement r : m.requirements()) {
            List<Specifier> specs = r.specifier().specifiers();
            if (r.isNamed() && specs.size() == 1 && specs.get(0).operator() == Specifier.Operator.EQUAL
                    && !specs.get(0).isWildcard()) {
                out.put(r.name(), specs.get(0).version());
            }
        }
        return out;
    }

    static int run(Path workspacePath, List<Upgrade> upgrades, boolean json, Optional<Path> sarif, PrintWriter out) {
        Workspace ws = new WorkspaceLoader().load(workspacePath);
        Path rules = Workspaces.rules();
        ApiHistories histories = Catalogues.histories(rules);
        WorkspaceAnalysis analysis = new WorkspaceAnalyzer(histories, LintRules.load(rules.resolve("lints.yaml"))).analyze(ws);
        List<GateResult> results = new ArrayList<>();
        for (Upgrade u : upgrades) {
            List<Version> releases = histories.byDistribution(u.distribution()).map(ApiHistory::releases).orElse(List.of());
            List<UpgradeGate.ModelEvidence> evidence = new ArrayList<>();
            for (ModelAnalysis m : analysis.models()) {
                if (!m.declared().containsKey(u.distribution()) && m.inferred(u.distribution()).isEmpty()) continue;
                Optional<Version> current = analysis.choicesFor(m.name()).stream()
                        .filter(c -> c.distribution().equals(u.distribution())).map(c -> c.release()).findFirst()
                        .or(() -> m.effective(u.distribution()).newestIn(releases))
                        .or(() -> exactPin(m, u.distribution()));
                // The whole tree: an upgrade that breaks the training code breaks the model too.
                evidence.add(new UpgradeGate.ModelEvidence(m.name(),
                        Optional.ofNullable(m.wholeTree().get(u.distribution())).or(() -> m.inferred(u.distribution())),
                        m.constraints().getOrDefault(u.distribution(), List.of()), m.lints(), current));
            }
            GateResult r = new UpgradeGate().check(u.distribution(), u.version(), releases, evidence);
            if (releases.isEmpty()) {
                List<String> notes = new ArrayList<>(r.notes());
                notes.add(u.distribution() + " is not catalogued: only pins and rules were checked; `fitcheck catalogue build "
                        + u.distribution() + "` adds its symbols");
                r = new GateResult(r.distribution(), r.target(), r.models(), r.breaks(), notes);
            }
            results.add(r);
        }
        Path root = ws.root();
        if (json) {
            out.print(json(results, root));
        } else {
            for (GateResult r : results) print(r, root, out);
        }
        if (sarif.isPresent()) {
            Path repo = Workspaces.home();
            // One SARIF run covers every upgrade: merge the breaks.
            List<GateBreak> all = results.stream().flatMap(r -> r.breaks().stream()).toList();
            GateResult merged = new GateResult(upgrades.isEmpty() ? "" : upgrades.get(0).distribution(), "",
                    List.of(), all, List.of());
            Output.writeAtomically(sarif.get(), new GateSarif(repo.toAbsolutePath().normalize()).write(merged, Output.version()));
        }
        out.flush();
        return results.stream().allMatch(GateResult::passed) ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** The version an exact pin ({@code ==V}) names, when the package has no catalogue to pick from. */
    private static Optional<Version> exactPin(ModelAnalysis m, String distribution) {
        return m.declared(distribution).stream().map(r -> r.specifier().specifiers())
                .filter(s -> s.size() == 1 && s.get(0).operator() == Specifier.Operator.EQUAL && !s.get(0).isWildcard())
                .findFirst().flatMap(s -> s.get(0).parsedVersion());
    }

    private static void print(GateResult r, Path root, PrintWriter out) {
        String target = r.distribution() + "==" + r.target();
        if (r.passed()) {
            out.println("gate: " + target + " passes for " + (r.models().isEmpty() ? "no model (none uses it)"
                    : String.join(", ", r.models())));
        } else {
            List<String> broken = r.breaks().stream().map(GateBreak::model).distinct().toList();
            out.println("gate: " + target + " breaks " + String.join(", ", broken) + " (" + r.breaks().size() + " break"
                    + (r.breaks().size() == 1 ? "" : "s") + ")");
            for (GateBreak b : r.breaks()) {
                out.println("  " + b.model() + "  " + b.location().relativeTo(root).display() + ": "
                        + Output.relativeSentence(root, b.reason()));
            }
        }
        r.notes().forEach(n -> out.println("  note: " + Output.relativeSentence(root, n)));
    }

    private static String json(List<GateResult> results, Path root) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GateResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("package", r.distribution());
            row.put("target", r.target());
            row.put("passed", r.passed());
            row.put("models", r.models());
            List<Map<String, Object>> breaks = new ArrayList<>();
            for (GateBreak b : r.breaks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", b.model());
                m.put("kind", b.kind().name().toLowerCase().replace('_', '-'));
                m.put("location", b.location().relativeTo(root).display());
                m.put("symbol", b.symbol());
                m.put("reason", b.reason());
                breaks.add(m);
            }
            row.put("breaks", breaks);
            row.put("notes", r.notes());
            rows.add(row);
        }
        try {
            return new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
