package dev.fitcheck.version;

/** A string is not a PEP 440 version specifier (or a comma-separated set of them). */
public final class InvalidSpecifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSpecifierException(String message) {
        super(message);
    }
}
