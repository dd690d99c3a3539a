package dev.fitcheck.run;

import dev.fitcheck.env.EnvironmentContents;
import dev.fitcheck.env.InstalledDistribution;
import dev.fitcheck.env.InstalledEnvironment;
import dev.fitcheck.env.LeftOut;
import dev.fitcheck.version.Version;
import dev.fitcheck.workspace.ModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage (a): the versions installed in the environment, read from its dist-info (and the base
 * interpreter's, for inherited packages), lie in the model's effective ranges. A package the
 * environment leaves out on purpose and lacks is incomplete, not failed.
 */
public final class StaticStage {

    private final EffectiveRanges ranges;

    public StaticStage(EffectiveRanges ranges) {
        this.ranges = ranges;
    }

    private static String needs(EffectiveRange r) {
        return r.display() + " (" + String.join(", ", r.evidence()) + ")";
    }

    public StageResult run(ModelSpec model, InstalledEnvironment env) {
        long start = System.nanoTime();
        EnvironmentContents contents = env.contents();
        List<Finding> findings = new ArrayList<>();
        for (EffectiveRange r : ranges.of(model)) {
            String subject = r.name().value();
            Optional<InstalledDistribution> installed = contents.visible(r.name());
            String from = contents.fromBase(r.name()) ? " (from the base interpreter)" : "";
            if (installed.isEmpty()) {
                Optional<LeftOut> left = env.record().leftOut().stream().filter(l -> l.name().equals(r.name())).findFirst();
                findings.add(left.isPresent()
                        ? Finding.incomplete(subject, "absent (" + left.get().reason().sentence() + "); the model needs "
                                + needs(r))
                        : Finding.failed(subject, "not installed; the model needs " + needs(r)));
                continue;
            }
            String version = installed.get().version();
            Optional<Version> v = Version.tryParse(version);
            if (v.isEmpty()) {
                findings.add(Finding.failed(subject, version + " is installed" + from
                        + ", which is not a PEP 440 version, so it cannot be checked against " + r.display()));
            } else if (r.range().contains(v.get())) {
                findings.add(Finding.passed(subject, version + from + " is in " + r.display()));
            } else {
                findings.add(Finding.failed(subject, version + from + " is outside " + needs(r)));
            }
        }
        long failed = findings.stream().filter(f -> f.status() == StageStatus.FAILED).count();
        long incomplete = findings.stream().filter(f -> f.status() == StageStatus.INCOMPLETE).count();
        String summary = findings.isEmpty() ? "no version constraints to check"
                : (findings.size() - failed - incomplete) + " of " + findings.size() + " packages in range"
                        + (failed > 0 ? ", " + failed + " outside" : "") + (incomplete > 0 ? ", " + incomplete + " absent on purpose" : "");
        return StageResult.of(StageResult.STATIC, Duration.ofNanos(System.nanoTime() - start), summary, findings);
    }
}
