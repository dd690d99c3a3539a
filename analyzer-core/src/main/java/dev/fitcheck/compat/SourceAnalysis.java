package dev.fitcheck.compat;

import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.python.SymbolReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a body of Python code needs, from its sources alone: every external reference, the range
 * inferred per catalogued package, lint findings, the imports no catalogue covers, and the files
 * that could not be read as UTF-8.
 */
public record SourceAnalysis(
        List<Path> files,
        List<SymbolReference> references,
        Map<String, InferredRange> inferred,
        List<LintFinding> lints,
        Set<String> uncataloguedImports,
        List<Path> unreadable) {

    public SourceAnalysis {
        files = List.copyOf(files);
        references = List.copyOf(references);
        inferred = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inferred)); // sorted: Map.copyOf iterates in a per-JVM random order
        lints = List.copyOf(lints);
        uncataloguedImports = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(uncataloguedImports));
        unreadable = List.copyOf(unreadable);
    }
}
