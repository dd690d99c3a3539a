package dev.fitcheck.env;

/** One line the installer receives, and why it is there (a manifest line, a pin, a chosen release). */
public record SpecRequirement(PackageName name, String text, String origin) {
}
