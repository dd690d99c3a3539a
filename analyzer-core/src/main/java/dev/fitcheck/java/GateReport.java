package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A gate's verdict on one module, with where its pom sets each dependency's version. */
public record GateReport(String module, Path pom, GateResult result, List<String> errors,
        Map<String, SourceLocation> declarations) {

    public GateReport {
        errors = List.copyOf(errors);
        declarations = Map.copyOf(declarations);
    }
}
