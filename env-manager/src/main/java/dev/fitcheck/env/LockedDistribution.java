package dev.fitcheck.env;

/**
 * One distribution in a lock: its exact version, the digest of its installed files (see
 * {@link DistributionDigest}) and whether it was installed into the environment or is seen
 * from the base interpreter (inherited).
 */
public record LockedDistribution(PackageName name, String version, String digest, Source source) {

    public enum Source { ENVIRONMENT, BASE }

    public String pin() {
        return name.value() + "==" + version;
    }
}
