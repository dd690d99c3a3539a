package dev.fitcheck.run;

import dev.fitcheck.env.PackageName;
import dev.fitcheck.version.VersionSet;
import java.util.List;

/**
 * The releases of a package a model can run on, as readable text ({@code ==4.44.2},
 * {@code >=4.46,<4.48}), and where it comes from (manifest lines as file:line, inferred bounds
 * with the symbol and its file:line).
 */
public record EffectiveRange(PackageName name, VersionSet range, String display, List<String> evidence) {

    public EffectiveRange {
        evidence = List.copyOf(evidence);
    }
}
