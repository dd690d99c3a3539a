package dev.fitcheck.python;

/** One parameter of a def: its name, kind, and whether it has a default. */
public record Parameter(String name, ParameterKind kind, boolean hasDefault) {
}
