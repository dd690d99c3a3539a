package dev.fitcheck.java;

import java.util.List;

/**
 * What the project's Java sources use of their dependencies: every resolved reference, the uses
 * the solver could not resolve, and the files that did not parse (each a one-line problem).
 */
public record SourceReferences(int files, List<JavaReference> references, List<UnresolvedUse> unresolved,
        List<String> parseProblems) {

    public SourceReferences {
        references = List.copyOf(references);
        unresolved = List.copyOf(unresolved);
        parseProblems = List.copyOf(parseProblems);
    }
}
