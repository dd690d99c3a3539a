package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns scan and gate reports into SARIF findings, each at a line of the repository: a source
 * reference at its own span; a problem inside a jar at the pom line that brings that jar in.
 */
public final class JavaFindings {

    public static final SarifRule UPGRADE_BREAK = new SarifRule("java/upgrade-break", "UpgradeBreak", "error",
            "This line fails after the proposed dependency upgrade",
            "The class, method, constructor or field used here exists in the release on the class path now and is "
                    + "absent from (or changed in) the release the upgrade brings: the code will not compile, or will "
                    + "fail with NoSuchMethodError, NoSuchFieldError or NoClassDefFoundError at run time.",
            "Keep the current release, or change this use to the API the new release offers before upgrading. "
                    + "`fitcheck scan` shows the range of releases every use allows.");
    public static final SarifRule LINKAGE = new SarifRule("java/linkage-error", "LinkageError", "error",
            "A dependency links against a class or member its provider lacks",
            "A class in one jar of the class path calls or reads something that the jar providing it does not have "
                    + "in the release resolved: a jar compiled against another release of its dependency. The JVM "
                    + "raises a LinkageError the first time that code runs; the compiler cannot see it.",
            "Align the two artifacts: pin the provider to a release that still has the member "
                    + "(dependencyManagement), or upgrade the calling artifact to a release built against the "
                    + "provider's current API.");
    public static final SarifRule RANGE_BOUND = new SarifRule("java/range-bound", "RangeBound", "note",
            "This use bounds the releases a dependency can take",
            "The releases of the dependency in which every use of it exists form a range; this use is the one "
                    + "that excludes the first release outside it.",
            "Nothing to fix now; this is where an upgrade past the bound would break.");
    public static final SarifRule VERSION_CONFLICT = new SarifRule("java/version-conflict", "VersionConflict", "warning",
            "The same artifact is requested at different versions",
            "Two paths of the dependency graph ask for different versions of one artifact; Maven's nearest-wins "
                    + "keeps one silently (what the enforcer's dependencyConvergence rule reports).",
            "Pin the artifact in dependencyManagement to the version every requester works with "
                    + "(`fitcheck scan` shows which releases the code allows).");

    private JavaFindings() {
    }

    public static List<SarifFinding> ofScan(List<ModuleReport> modules) {
        List<SarifFinding> out = new ArrayList<>();
        for (ModuleReport m : modules) {
            for (LinkageProblem p : m.linkageProblems()) {
                SourceLocation at = pomLine(m.declarations(), p.sourceId(), m);
                out.add(new SarifFinding(LINKAGE, p.sentence(), at, 0, 0, p.key()));
            }
            for (DependencyRange r : m.ranges()) {
                r.upper().ifPresent(b -> boundFinding(r, b, "upper", m).ifPresent(out::add));
                r.lower().ifPresent(b -> boundFinding(r, b, "lower", m).ifPresent(out::add));
            }
            for (ConvergenceProblem c : m.convergence()) {
                String direct = c.requests().get(0).path().size() > 1 ? id(c.requests().get(0).path().get(1)) : c.artifact();
                SourceLocation at = pomLine(m.declarations(), direct, m);
                out.add(new SarifFinding(VERSION_CONFLICT, conflictSentence(c), at, 0, 0, m.module() + " " + c.artifact()));
            }
        }
        return out;
    }

    public static List<SarifFinding> ofGate(List<GateReport> modules) {
        List<SarifFinding> out = new ArrayList<>();
        for (GateReport m : modules) {
            for (UpgradeBreak b : m.result().breaks()) {
                SourceSite s = (SourceSite) b.reference().site();
                out.add(new SarifFinding(UPGRADE_BREAK, b.reference().symbol().display() + " "
                        + LinkageProblem.describe(b.outcome()) + " " + b.provider(), s.start(), s.endLine(), s.endColumn(),
                        b.reference().symbol().display()));
            }
            for (LinkageProblem p : m.result().newLinkageProblems()) {
                SourceLocation at = m.declarations().getOrDefault(p.sourceId(), SourceLocation.of(m.pom(), 1));
                out.add(new SarifFinding(LINKAGE, p.sentence(), at, 0, 0, p.key()));
            }
        }
        return out;
    }

    private static Optional<SarifFinding> boundFinding(DependencyRange r, RangeBound b, String which, ModuleReport m) {
        if (!(b.evidence().site() instanceof SourceSite s)) {
            return Optional.empty(); // a bound set inside another jar shows as that jar's linkage, at its pom line
        }
        String msg = r.artifact() + " " + r.resolvedVersion() + " runs on " + r.range() + " of the releases checked; "
                + "this use sets the " + which + " bound: " + b.evidence().symbol().display() + " "
                + LinkageProblem.describe(b.outcome()) + " " + b.failingVersion();
        return Optional.of(new SarifFinding(RANGE_BOUND, msg, s.start(), s.endLine(), s.endColumn(),
                r.artifact() + " " + which + " " + b.evidence().symbol().display()));
    }

    static String conflictSentence(ConvergenceProblem c) {
        StringBuilder sb = new StringBuilder(c.artifact() + " is requested at ");
        List<String> versions = c.requests().stream().map(ConvergenceProblem.Request::version).distinct().toList();
        sb.append(String.join(", ", versions)).append("; nearest-wins selected ").append(c.selectedVersion());
        for (ConvergenceProblem.Request r : c.requests()) {
            if (!r.version().equals(c.selectedVersion())) {
                sb.append("; ").append(r.version()).append(" via ").append(String.join(" > ", r.path().subList(1, r.path().size())));
                break;
            }
        }
        return sb.toString();
    }

    private static SourceLocation pomLine(java.util.Map<String, SourceLocation> declarations, String id, ModuleReport m) {
        SourceLocation at = declarations.get(id);
        return at != null ? at : SourceLocation.of(m.pom(), 1);
    }

    private static String id(String label) {
        String[] p = label.split(":");
        return p.length >= 2 ? p[0] + ":" + p[1] : label;
    }
}
