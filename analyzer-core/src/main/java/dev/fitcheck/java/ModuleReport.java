package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a scan found in one module, for the renderers: where the module is, how much source
 * was read, the inferred range per dependency, the linkage problems of its class path, its version
 * conflicts, what could not be resolved, and where its pom sets each dependency's version (so a
 * finding about a jar points at a line of the repository).
 */
public record ModuleReport(
        String module,
        Path pom,
        int sourceFiles,
        int sourceReferences,
        List<DependencyRange> ranges,
        List<LinkageProblem> linkageProblems,
        long linkageReferencesChecked,
        List<ConvergenceProblem> convergence,
        List<UnresolvedUse> unresolved,
        List<String> parseProblems,
        List<String> errors,
        Map<String, SourceLocation> declarations) {

    public ModuleReport {
        ranges = List.copyOf(ranges);
        linkageProblems = List.copyOf(linkageProblems);
        convergence = List.copyOf(convergence);
        unresolved = List.copyOf(unresolved);
        parseProblems = List.copyOf(parseProblems);
        errors = List.copyOf(errors);
        declarations = Map.copyOf(declarations);
    }
}
