package dev.fitcheck.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the {@code *.dist-info} directories of site-packages without running Python: the
 * METADATA headers (Name, Version, Requires-Dist) per the core metadata specification.
 */
public final class DistInfoReader {

    /** Every distribution in {@code sitePackages}, by name; an absent directory holds none. */
    public List<InstalledDistribution> read(Path sitePackages) {
        if (!Files.isDirectory(sitePackages)) {
            return List.of();
        }
        List<InstalledDistribution> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(sitePackages)) {
            for (Path d : s.filter(p -> p.getFileName().toString().endsWith(".dist-info")).toList()) {
                readOne(d).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(InstalledDistribution::name));
        return out;
    }

    /** The distribution described by one dist-info directory; empty when its METADATA is missing or nameless. */
    public Optional<InstalledDistribution> readOne(Path distInfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(distInfo.resolve("METADATA"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = null;
        String version = null;
        List<String> requires = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                break; // the headers end at the first blank line; the description follows
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key.toLowerCase()) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-dist" -> requires.add(value);
                default -> { }
            }
        }
        if (name == null || version == null) {
            return Optional.empty();
        }
        return Optional.of(new InstalledDistribution(PackageName.of(name), name, version, requires, distInfo));
    }
}
