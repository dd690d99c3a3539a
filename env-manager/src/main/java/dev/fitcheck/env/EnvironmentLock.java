package dev.fitcheck.env;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a model's environment held right after it was built: every distribution with its exact
 * version and digest. {@code env create --locked} installs exactly these, {@code env verify}
 * compares an environment with them.
 */
public record EnvironmentLock(String model, String python, InstallerKind installer, Instant created,
        List<LockedDistribution> distributions) {

    public static final int FORMAT = 1;

    public EnvironmentLock {
        distributions = distributions.stream().sorted(Comparator.comparing(LockedDistribution::name)).toList();
    }

    public Optional<LockedDistribution> find(PackageName name) {
        return distributions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public List<LockedDistribution> installed() {
        return distributions.stream().filter(d -> d.source() == LockedDistribution.Source.ENVIRONMENT).toList();
    }
}
