package dev.fitcheck.java;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The releases of one dependency that the project can run on, among those checked: every class,
 * method, constructor and field that the project's sources and the other jars on its class path
 * use of it exists there. {@code range} is in Maven's range syntax over the checked releases
 * ({@code [20.0,21.0)}; a range open at the top reaches the newest release checked). The bounds
 * are those of the run of compatible releases that holds the resolved version, each with the
 * reference that sets it.
 *
 * <p>{@code unverified} are references that already fail against the resolved release: the code
 * does not compile or link as it stands (see the linkage report), so they bound nothing.
 */
public record DependencyRange(
        String artifact,
        String resolvedVersion,
        List<String> checkedVersions,
        List<String> compatibleVersions,
        String range,
        Optional<RangeBound> lower,
        Optional<RangeBound> upper,
        int sourceReferences,
        int classFileReferences,
        List<JavaReference> unverified) {

    public DependencyRange {
        Objects.requireNonNull(artifact, "artifact");
        checkedVersions = List.copyOf(checkedVersions);
        compatibleVersions = List.copyOf(compatibleVersions);
        unverified = List.copyOf(unverified);
    }

    /** {@code groupId:artifactId:version} as the class path has it. */
    public String label() {
        return artifact + ":" + resolvedVersion;
    }
}
