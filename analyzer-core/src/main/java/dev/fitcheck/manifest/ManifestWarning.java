package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import java.util.Objects;

/** Something in a manifest that was skipped or could not be modelled, and where. */
public record ManifestWarning(SourceLocation location, String message) {

    public ManifestWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}. */
    public String sentence() {
        return location.display() + ": " + message;
    }
}
