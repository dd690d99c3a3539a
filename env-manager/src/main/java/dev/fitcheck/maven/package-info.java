/**
 * Maven projects through Maven's own libraries: the effective pom (parents, properties,
 * dependencyManagement, imported BOMs) from the model builder, the dependency graph and its
 * convergence problems from Maven Resolver, released versions and jars from the repositories that
 * ~/.m2/settings.xml names (mirrors, proxies, the local repository). The only package of fitcheck
 * that talks to a Maven repository.
 */
package dev.fitcheck.maven;
