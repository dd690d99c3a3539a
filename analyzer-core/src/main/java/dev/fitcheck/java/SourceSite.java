package dev.fitcheck.java;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A span of a Java source file: the start as a {@link SourceLocation} (1-based line and column) and
 * the end (inclusive), which is what SARIF's region wants.
 */
public record SourceSite(SourceLocation start, int endLine, int endColumn) implements ReferenceSite {

    public SourceSite {
        Objects.requireNonNull(start, "start");
    }

    public Path file() {
        return start.file();
    }

    public int line() {
        return start.line();
    }

    public SourceSite relativeTo(Path base) {
        return new SourceSite(start.relativeTo(base), endLine, endColumn);
    }

    @Override
    public String display() {
        return start.display();
    }

    @Override
    public int compareTo(ReferenceSite o) {
        return o instanceof SourceSite s ? start.compareTo(s.start) : ReferenceSite.super.compareTo(o);
    }
}
