package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.report.sarif.SarifFinding;
import dev.fitcheck.report.sarif.SarifRule;
import dev.fitcheck.report.sarif.SarifWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scan and gate reports as SARIF findings for code scanning, each at a line of the repository with
 * its source text: a source reference at its own span; a problem inside a jar at the pom line that
 * brings that jar in. Written by {@link SarifWriter}, as the Python side's findings are.
 */
public final class JavaFindings {

    public static final SarifRule UPGRADE_BREAK = new SarifRule("java/upgrade-break", "UpgradeBreak",
            "This line fails after the proposed dependency upgrade",
            "The class, method, constructor or field used here exists in the release on the class path now and is "
                    + "absent from (or changed in) the release the upgrade brings: the code will not compile, or will "
                    + "fail with NoSuchMethodError, NoSuchFieldError or NoClassDefFoundError at run time.",
            "Keep the current release, or change this use to the API the new release offers before upgrading. "
                    + "`fitcheck scan` shows the range of releases every use allows.", "error");
    public static final SarifRule LINKAGE = new SarifRule("java/linkage-error", "LinkageError",
            "A dependency links against a class or member its provider lacks",
            "A class in one jar of the class path calls or reads something that the jar providing it does not have "
                    + "in the release resolved: a jar compiled against another release of its dependency. The JVM "
                    + "raises a LinkageError the first time that code runs; the compiler cannot see it.",
            "Align the two artifacts: pin the provider to a release that still has the member "
                    + "(dependencyManagement), or upgrade the calling artifact to a release built against the "
                    + "provider's current API.", "error");
    public static final SarifRule RANGE_BOUND = new SarifRule("java/range-bound", "RangeBound",
            "This use bounds the releases a dependency can take",
            "The releases of the dependency in which every use of it exists form a range; this use is the one "
                    + "that excludes the first release outside it.",
            "Nothing to fix now; this is where an upgrade past the bound would break.", "note");
    public static final SarifRule VERSION_CONFLICT = new SarifRule("java/version-conflict", "VersionConflict",
            "The same artifact is requested at different versions",
            "Two paths of the dependency graph ask for different versions of one artifact; Maven's nearest-wins "
                    + "keeps one silently (what the enforcer's dependencyConvergence rule reports).",
            "Pin the artifact in dependencyManagement to the version every requester works with "
                    + "(`fitcheck scan` shows which releases the code allows).", "warning");

    private final Path root;
    private final Map<Path, List<String>> lines = new HashMap<>();
    private final Map<String, SarifRule> rules = new LinkedHashMap<>();
    private final List<SarifFinding> findings = new ArrayList<>();

    /** @param repositoryRoot what SARIF URIs are relative to */
    public JavaFindings(Path repositoryRoot) {
        this.root = repositoryRoot.toAbsolutePath().normalize();
    }

    public JavaFindings addScan(List<ModuleReport> modules) {
        for (ModuleReport m : modules) {
            for (LinkageProblem p : m.linkageProblems()) {
                atLine(LINKAGE, p.sentence(), pomLine(m.declarations(), p.sourceId(), m.pom()), p.key());
            }
            for (DependencyRange r : m.ranges()) {
                r.upper().ifPresent(b -> bound(r, b, "upper"));
                r.lower().ifPresent(b -> bound(r, b, "lower"));
            }
            for (ConvergenceProblem c : m.convergence()) {
                String direct = c.requests().get(0).path().size() > 1 ? id(c.requests().get(0).path().get(1)) : c.artifact();
                atLine(VERSION_CONFLICT, conflictSentence(c), pomLine(m.declarations(), direct, m.pom()),
                        m.module() + " " + c.artifact());
            }
        }
        return this;
    }

    public JavaFindings addGate(List<GateReport> modules) {
        for (GateReport m : modules) {
            for (UpgradeBreak b : m.result().breaks()) {
                String msg = b.reference().symbol().display() + " " + LinkageProblem.describe(b.outcome()) + " " + b.provider();
                atSpan(UPGRADE_BREAK, msg, (SourceSite) b.reference().site(), b.reference().symbol().display());
            }
            for (LinkageProblem p : m.result().newLinkageProblems()) {
                atLine(LINKAGE, p.sentence(), pomLine(m.declarations(), p.sourceId(), m.pom()), p.key());
            }
        }
        return this;
    }

    public String render(String toolVersion) {
        return new SarifWriter(toolVersion).write(List.copyOf(rules.values()), findings);
    }

    private void bound(DependencyRange r, RangeBound b, String which) {
        if (b.evidence().site() instanceof SourceSite s) {
            String msg = r.artifact() + " " + r.resolvedVersion() + " runs on " + r.range() + " of the releases checked; "
                    + "this use sets the " + which + " bound: " + b.evidence().symbol().display() + " "
                    + LinkageProblem.describe(b.outcome()) + " " + b.failingVersion();
            atSpan(RANGE_BOUND, msg, s, r.artifact() + " " + which + " " + b.evidence().symbol().display());
        }
        // a bound set inside another jar is that jar's linkage, shown at its pom line
    }

    /** A source span: JavaParser's end column is inclusive, SARIF's exclusive. */
    private void atSpan(SarifRule rule, String message, SourceSite s, String identity) {
        String text = line(s.file(), s.line());
        int endLine = Math.max(s.endLine(), s.line());
        int endColumn = s.endColumn() > 0 ? s.endColumn() + 1 : line(s.file(), endLine).length() + 1;
        add(rule, message, s.file(), s.line(), Math.max(s.start().column(), 1), endLine, endColumn, identity, text);
    }

    /** A whole line of a pom, from its first non-blank character to its end. */
    private void atLine(SarifRule rule, String message, SourceLocation at, String identity) {
        int line = Math.max(at.line(), 1);
        String text = line(at.file(), line);
        int start = 1;
        while (start <= text.length() && Character.isWhitespace(text.charAt(start - 1))) start++;
        add(rule, message, at.file(), line, start, line, Math.max(text.length() + 1, start + 1), identity, text);
    }

    private void add(SarifRule rule, String message, Path file, int line, int startColumn, int endLine, int endColumn,
            String identity, String text) {
        rules.putIfAbsent(rule.id(), rule);
        Path abs = file.toAbsolutePath().normalize();
        String uri = (abs.startsWith(root) ? root.relativize(abs) : abs.getFileName()).toString().replace('\\', '/');
        // the code on the line, not its number: the alert keeps its identity when lines above it move
        findings.add(new SarifFinding(rule.id(), message, uri, line, startColumn, endLine, endColumn,
                identity + " " + text.strip(), text));
    }

    private String line(Path file, int line) {
        List<String> ls = lines.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return line >= 1 && line <= ls.size() ? ls.get(line - 1) : "";
    }

    static String conflictSentence(ConvergenceProblem c) {
        StringBuilder sb = new StringBuilder(c.artifact() + " is requested at ");
        List<String> versions = c.requests().stream().map(ConvergenceProblem.Request::version).distinct().toList();
        sb.append(String.join(", ", versions)).append("; nearest-wins selected ").append(c.selectedVersion());
        Optional<ConvergenceProblem.Request> other = c.requests().stream()
                .filter(r -> !r.version().equals(c.selectedVersion())).findFirst();
        other.ifPresent(r -> sb.append("; ").append(r.version()).append(" via ")
                .append(String.join(" > ", r.path().subList(1, r.path().size()))));
        return sb.toString();
    }

    private static SourceLocation pomLine(Map<String, SourceLocation> declarations, String id, Path pom) {
        SourceLocation at = declarations.get(id);
        return at != null ? at : SourceLocation.of(pom, 1);
    }

    private static String id(String label) {
        String[] p = label.split(":");
        return p.length >= 2 ? p[0] + ":" + p[1] : label;
    }
}
