package dev.fitcheck.distribution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core metadata of a distribution (a wheel's METADATA, an sdist's PKG-INFO): its name,
 * version and Requires-Dist lines, as written.
 */
public record DistributionMetadata(String name, String version, List<String> requiresDist) {

    public DistributionMetadata {
        requiresDist = List.copyOf(requiresDist);
    }

    /** Reads the RFC 822 header block; the body (the long description) is not read. */
    public static Optional<DistributionMetadata> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String name = null;
        String version = null;
        List<String> requires = new ArrayList<>();
        String lastKey = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) break; // end of headers
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                continue; // continuation of a long header (Description, License): not needed
            }
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            lastKey = key;
            switch (key.toLowerCase(java.util.Locale.ROOT)) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-dist" -> requires.add(value);
                default -> { }
            }
        }
        if (name == null || version == null) return Optional.empty();
        return Optional.of(new DistributionMetadata(name, version, requires));
    }
}
