/**
 * PEP 440 versions, specifiers and version sets.
 *
 * <p>The semantics follow Python's {@code packaging} 26 as vendored by current pip (26.3): a
 * {@link dev.fitcheck.version.SpecifierSet} is the set of versions inside the intersection of its
 * clauses' ranges, a single-version {@code contains} admits pre-releases unless told otherwise, and
 * {@code filter} applies PEP 440's "pre-releases only when nothing final matches" rule. The
 * differential test in {@code src/test} checks every parse, comparison, membership and filter
 * against that Python code.
 */
package dev.fitcheck.version;
