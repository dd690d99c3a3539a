package dev.fitcheck.compat;

import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.python.SymbolReference;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        inferred = Collections.unmodifiableMap(new LinkedHashMap<>(inferred));
        lints = List.copyOf(lints);
        // sorted, so that reports list them the same way every run
        uncataloguedImports = Collections.unmodifiableSortedSet(new TreeSet<>(uncataloguedImports));
        unreadable = List.copyOf(unreadable);
    }
}
