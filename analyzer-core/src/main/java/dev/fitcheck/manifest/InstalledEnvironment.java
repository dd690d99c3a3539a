package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.Specifier;
import dev.fitcheck.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an environment has installed, read without running it: from a {@code pip freeze} file, or
 * from the {@code *.dist-info/METADATA} files of an interpreter's site-packages.
 */
public record InstalledEnvironment(Path source, Map<String, InstalledPackage> packages) {

    public InstalledEnvironment {
        packages = Collections.unmodifiableMap(new LinkedHashMap<>(packages));
    }

    public Optional<InstalledPackage> get(String name) {
        return Optional.ofNullable(packages.get(PackageName.normalize(name)));
    }

    public Optional<Version> version(String name) {
        return get(name).flatMap(InstalledPackage::version);
    }

    /** Reads a {@code pip freeze} file: {@code name==version} lines, editable checkouts and direct references. */
    public static InstalledEnvironment fromFreeze(Path freeze) {
        ManifestResult r = ManifestReader.read(freeze, ManifestKind.REQUIREMENTS);
        Map<String, InstalledPackage> out = new TreeMap<>();
        for (Requirement req : r.requirements()) {
            if (!req.isNamed()) {
                continue; // "-e ." without an egg name: nothing to match against
            }
            Optional<Version> version = req.specifier().specifiers().stream()
                    .filter(s -> s.operator() == Specifier.Operator.EQUAL || s.operator() == Specifier.Operator.ARBITRARY)
                    .findFirst()
                    .flatMap(s -> Version.tryParse(s.version()));
            out.putIfAbsent(req.name(), new InstalledPackage(req.name(), version, req.text(), req.location()));
        }
        return new InstalledEnvironment(freeze, out);
    }

    /**
     * Reads the site-packages of an interpreter without running it: the directories
     * {@code <prefix>/lib/python3.*&#47;site-packages} (and Debian's dist-packages) under the
     * interpreter's prefix, or under a virtual environment's directory.
     */
    public static InstalledEnvironment fromInterpreter(Path python) {
        Path bin = python.toAbsolutePath().getParent();
        if (bin == null || bin.getParent() == null) {
            throw new InputError(SourceLocation.wholeFile(python), "is not an interpreter inside a bin/ directory");
        }
        Path prefix = bin.getParent();
        List<Path> siteDirs = new ArrayList<>();
        for (String lib : List.of("lib", "lib64")) {
            Path libDir = prefix.resolve(lib);
            if (!Files.isDirectory(libDir)) continue;
            try (Stream<Path> s = Files.list(libDir)) {
                s.filter(p -> p.getFileName().toString().startsWith("python3")).sorted().forEach(p -> {
                    for (String name : List.of("site-packages", "dist-packages")) {
                        if (Files.isDirectory(p.resolve(name))) siteDirs.add(p.resolve(name));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (siteDirs.isEmpty()) {
            throw new InputError(SourceLocation.wholeFile(python),
                    "no site-packages found under " + prefix + "; expected lib/python3.X/site-packages");
        }
        return fromSitePackages(python, siteDirs);
    }

    static InstalledEnvironment fromSitePackages(Path source, Collection<Path> siteDirs) {
        Map<String, InstalledPackage> out = new TreeMap<>();
        for (Path site : siteDirs) {
            try (Stream<Path> s = Files.list(site)) {
                for (Path dist : s.filter(p -> p.getFileName().toString().endsWith(".dist-info")).sorted().toList()) {
                    Path metadata = dist.resolve("METADATA");
                    if (!Files.isRegularFile(metadata)) continue;
                    readMetadata(metadata).ifPresent(p -> out.putIfAbsent(p.name(), p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new InstalledEnvironment(source, out);
    }

    /** The Name and Version headers of a core-metadata file (RFC 822 style; the body is skipped). */
    static Optional<InstalledPackage> readMetadata(Path metadata) throws IOException {
        String name = null;
        String version = null;
        int versionLine = 0;
        List<String> lines = Files.readAllLines(metadata, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) break; // end of headers
            if (line.startsWith("Name:")) name = line.substring(5).strip();
            if (line.startsWith("Version:")) {
                version = line.substring(8).strip();
                versionLine = i + 1;
            }
        }
        if (name == null || version == null) return Optional.empty();
        return Optional.of(new InstalledPackage(PackageName.normalize(name), Version.tryParse(version),
                name + "==" + version, SourceLocation.of(metadata, versionLine)));
    }
}
