package dev.fitcheck.env;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A distribution name in its PEP 503 normal form ({@code Flash_Attn} and {@code flash-attn} are one
 * package), so that names from manifests, dist-info directories and installer output compare equal.
 */
public record PackageName(@JsonValue String value) implements Comparable<PackageName> {

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    public PackageName {
        value = SEPARATORS.matcher(value.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty package name");
        }
    }

    @JsonCreator
    public static PackageName of(String raw) {
        return new PackageName(raw);
    }

    /** The top-level import name this distribution most likely provides ({@code flash-attn} → {@code flash_attn}). */
    public String moduleGuess() {
        return value.replace('-', '_');
    }

    @Override
    public int compareTo(PackageName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
