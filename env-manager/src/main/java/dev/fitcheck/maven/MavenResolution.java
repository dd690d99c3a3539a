package dev.fitcheck.maven;

/**
 * Maven projects and repositories, through Maven's model builder and Maven Resolver. One
 * instance is one resolver session: close it when done (it releases locks and connections).
 */
public interface MavenResolution extends AutoCloseable {

    /** The project's modules with their effective poms, dependency trees and class paths. */
    ProjectResult readProject(ProjectRequest request);

    /** Every released version of each artifact ({@code VersionRangeRequest [0,)}). */
    VersionsResult listVersions(VersionsRequest request);

    /** The jars of the given releases, downloaded into the local repository when absent. */
    JarsResult fetchJars(JarsRequest request);

    @Override
    void close();
}
