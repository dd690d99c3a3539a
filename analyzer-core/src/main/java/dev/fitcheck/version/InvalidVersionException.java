package dev.fitcheck.version;

/** A string is not a PEP 440 version; the message says what was expected where reading stopped. */
public final class InvalidVersionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidVersionException(String message) {
        super(message);
    }
}
