package dev.fitcheck.evidence;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's input is wrong: a malformed line, a missing file, a cycle. Carries one sentence that
 * names the file and line and what was expected; the command line prints it and exits with 2.
 */
public class InputError extends RuntimeException {

    private final transient SourceLocation location;

    public InputError(SourceLocation location, String message) {
        this(location, message, null);
    }

    public InputError(SourceLocation location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    public InputError(Path file, int line, String message) {
        this(SourceLocation.of(file, line), message);
    }

    public InputError(String message) {
        this(null, message, null);
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The sentence a user reads: {@code file:line: message}. */
    public String sentence() {
        String msg = getMessage();
        return location == null ? msg : location.display() + ": " + msg;
    }
}
