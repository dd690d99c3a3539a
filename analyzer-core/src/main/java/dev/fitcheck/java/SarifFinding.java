package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;

/**
 * One SARIF result: rule, level, message, and the region of a file in the repository (1-based;
 * {@code endColumn} inclusive, as JavaParser gives it; 0 means "to the end of the line").
 * {@code identity} is what stays the same when unrelated lines move: it becomes the fingerprint.
 */
public record SarifFinding(SarifRule rule, String message, SourceLocation start, int endLine, int endColumn,
        String identity) {
}
