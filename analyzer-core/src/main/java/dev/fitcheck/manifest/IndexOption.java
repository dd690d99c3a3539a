package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * An option that says where packages come from: {@code --index-url URL}, {@code --extra-index-url
 * URL}, {@code --find-links URL}, {@code --no-index}, {@code --pre}, {@code --trusted-host HOST},
 * or a conda channel.
 */
public record IndexOption(Kind kind, Optional<String> value, SourceLocation location) {

    public enum Kind { INDEX_URL, EXTRA_INDEX_URL, FIND_LINKS, NO_INDEX, PRE, TRUSTED_HOST, CONDA_CHANNEL }

    public IndexOption {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
