package dev.fitcheck.python;

/** {@code from X import *} at module level, resolved later against the package. */
public record StarImport(ImportSource source, int line, boolean typeOnly) {
}
