package dev.fitcheck.catalogue;

import java.util.Objects;

/** One parameter of a callable. */
public record Param(String name, ParamKind kind, boolean hasDefault) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
