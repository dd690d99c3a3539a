package dev.fitcheck.lint;

import dev.fitcheck.evidence.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A rule broken at a place: the call, the keywords that collide and where each was set, and, when
 * the call sits in a retry loop that re-raises a different error, where that error is raised.
 */
public record LintFinding(
        LintRule rule,
        SourceLocation call,
        List<String> keywords,
        List<SourceLocation> keywordSites,
        Optional<SourceLocation> maskedAt,
        Optional<String> maskedAs) {

    public LintFinding {
        keywords = List.copyOf(keywords);
        keywordSites = List.copyOf(keywordSites);
    }

    /** The message with paths shown relative to {@code root}. */
    public String message(java.nio.file.Path root) {
        String text = message();
        return maskedAt.map(m -> text.replace(m.display(), m.relativeTo(root).display())).orElse(text);
    }

    /** The rule's message with {a}, {b} and {fails_in} filled in. */
    public String message() {
        String text = rule.message()
                .replace("{a}", keywords.get(0))
                .replace("{b}", keywords.get(1))
                .replace("{fails_in}", rule.failsIn());
        if (maskedAt.isPresent()) {
            text += " The retry loop at " + maskedAt.get().display() + " re-raises it as " + maskedAs.orElse("another error")
                    + ", which hides the cause.";
        }
        return text;
    }
}
