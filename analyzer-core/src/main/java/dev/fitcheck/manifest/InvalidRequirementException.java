package dev.fitcheck.manifest;

/**
 * A string is not a PEP 508 requirement or marker. The message is one sentence in the user's terms,
 * without a file: readers add the file and line when they turn it into an InputError.
 */
public final class InvalidRequirementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRequirementException(String message) {
        super(message);
    }
}
