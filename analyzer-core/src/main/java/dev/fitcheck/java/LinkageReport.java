package dev.fitcheck.java;

import java.util.List;
import java.util.Map;

/**
 * The linkage problems a class path holds, how many references were checked, how many pointed
 * into packages no entry provides (optional dependencies left out: not proven problems), and the
 * distinct references that were found going into the artifacts asked about.
 */
public record LinkageReport(List<LinkageProblem> problems, long referencesChecked, long outsideClassPath,
        Map<String, List<JavaReference>> referencesInto) {

    public LinkageReport {
        problems = List.copyOf(problems);
        referencesInto = Map.copyOf(referencesInto);
    }
}
