package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.time.Duration;
import java.util.List;

/**
 * A build's outcome: the catalogue (every release that could be read, plus the base's), which
 * releases were added, the releases that failed (each with its reason) and warnings (files that
 * did not parse, entries skipped). One bad release never stops the others.
 *
 * @param filesParsed files parsed in this build; {@code filesReused} were known by content
 * @param bytesParsed bytes of the files parsed; {@code bytesToTreeSitter} of those, what tree-sitter
 *                    had to parse after function bodies were cut and known statements reused
 */
public record CatalogueBuildResult(ApiCatalogue catalogue, List<Version> added, List<Version> alreadyPresent,
                                   List<ReleaseProblem> problems, List<String> warnings, int modules,
                                   int filesParsed, int filesReused, long bytesParsed, long bytesToTreeSitter,
                                   Duration elapsed) {

    public CatalogueBuildResult {
        added = List.copyOf(added);
        alreadyPresent = List.copyOf(alreadyPresent);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
