package dev.fitcheck.evidence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a fact came from: a file and a 1-based line (and column, 0 when unknown).
 * Every verdict fitcheck prints names one of these, so a reader can open the file at the line.
 */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    public static SourceLocation wholeFile(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The same place, with the file shown relative to {@code base} (as reports and SARIF want it). */
    public SourceLocation relativeTo(Path base) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        return abs.startsWith(root) ? new SourceLocation(root.relativize(abs), line, column) : this;
    }

    /** {@code path:line} or {@code path:line:column}, with forward slashes on every platform. */
    public String display() {
        String path = file.toString().replace('\\', '/');
        if (line <= 0) {
            return path;
        }
        return column > 0 ? path + ":" + line + ":" + column : path + ":" + line;
    }

    /** {@code path:line}, without the column: how reports cite a line. */
    public String lineDisplay() {
        return new SourceLocation(file, line, 0).display();
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return display();
    }
}
