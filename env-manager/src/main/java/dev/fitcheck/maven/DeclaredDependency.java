package dev.fitcheck.maven;

import dev.fitcheck.evidence.SourceLocation;
import java.util.Optional;

/**
 * A dependency of the effective pom, with where it is declared (its {@code <dependency>} element)
 * and where its version was set (the {@code <version>} line of the pom, the parent or the
 * {@code dependencyManagement} or BOM that fixed it), for reports to point at.
 */
public record DeclaredDependency(String groupId, String artifactId, String version, String scope, boolean optional,
        String type, String classifier, Optional<SourceLocation> declaredAt, Optional<SourceLocation> versionLocation) {

    public String id() {
        return groupId + ":" + artifactId;
    }
}
