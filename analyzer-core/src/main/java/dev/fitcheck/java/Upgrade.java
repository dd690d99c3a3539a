package dev.fitcheck.java;

import java.util.Objects;

/**
 * One artifact whose release changes between two class paths: {@code fromVersion} empty when the
 * upgrade brings it in, {@code toVersion} empty when it drops it.
 */
public record Upgrade(String artifact, String fromVersion, String toVersion) {

    public Upgrade {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
    }

    public String display() {
        if (fromVersion.isEmpty()) return artifact + " " + toVersion + " (new)";
        if (toVersion.isEmpty()) return artifact + " " + fromVersion + " (dropped)";
        return artifact + " " + fromVersion + " -> " + toVersion;
    }
}
