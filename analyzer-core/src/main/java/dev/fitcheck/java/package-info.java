/**
 * The Java side of fitcheck: the public API of jars read with ASM, catalogued across releases;
 * the references a project's Java sources (JavaParser) and compiled classes (ASM) make to it; the
 * range of releases those references allow, the breaks an upgrade brings, and the linkage
 * problems a class path hides until run time.
 *
 * <p>Nothing here resolves or downloads: the jars and the class path come from
 * {@code dev.fitcheck.maven} in env-manager.
 */
package dev.fitcheck.java;
