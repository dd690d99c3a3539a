package dev.fitcheck.maven;

import dev.fitcheck.evidence.InputError;
import java.util.Objects;

/** {@code groupId:artifactId:version}, as users write it on the command line. */
public record ArtifactCoordinate(String groupId, String artifactId, String version) {

    public ArtifactCoordinate {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /** Parses {@code g:a:v}; {@code what} names the option in the error a user reads. */
    public static ArtifactCoordinate parse(String text, String what) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new InputError(what + ": expected groupId:artifactId:version (e.g. com.google.guava:guava:33.5.0-jre), got '"
                    + text + "'");
        }
        return new ArtifactCoordinate(parts[0].trim(), parts[1].trim(), parts[2].trim());
    }

    /** {@code groupId:artifactId}: the artifact whatever its release. */
    public String id() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return id() + ":" + version;
    }
}
