package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pip accepts where a requirement goes (a requirements-file line, a {@code pip install}
 * argument, {@code -e}): a PEP 508 requirement, or a path or URL ({@code ./pkg[extra]},
 * {@code https://.../torch-2.3.1-cp310-...whl}, {@code git+https://...#egg=name}).
 */
final class RequirementArgument {

    /** {@code name [extras] @} at the start: PEP 508's direct reference, not a bare URL. */
    private static final Pattern NAMED_REFERENCE = Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[^\\]]*\\])?\\s*@");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern TRAILING_EXTRAS = Pattern.compile("^(.*?)\\[([^\\[\\]]*)\\]$");
    private static final String[] ARCHIVES = {".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar", ".zip"};

    private RequirementArgument() {
    }

    /** @throws InvalidRequirementException when it is neither a requirement nor a path or URL */
    static Requirement parse(String text, SourceLocation at) {
        String t = text.strip();
        if (!NAMED_REFERENCE.matcher(t).find() && looksLikeReference(t)) {
            return reference(t, at);
        }
        Requirement r = Requirement.parse(t, at);
        if (r.reference().isPresent() && r.specifier().isEmpty()) {
            Optional<SpecifierSet> pin = wheelPin(fileName(r.reference().get().url()));
            if (pin.isPresent()) {
                return new Requirement(r.name(), r.nameAsWritten(), r.extras(), pin.get(), r.marker(), r.reference(),
                        r.editable(), r.hashes(), r.installOptions(), r.origin(), r.condaChannel(), r.text(), r.location());
            }
        }
        return r;
    }

    /** A wheel's file name ({@code name-version-python-abi-platform.whl}) pins its version. */
    private static Optional<SpecifierSet> wheelPin(String fileName) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            return Optional.empty();
        }
        String[] parts = fileName.substring(0, fileName.length() - 4).split("-");
        if (parts.length < 5) {
            return Optional.empty();
        }
        return Version.tryParse(parts[1]).map(v -> SpecifierSet.parse("==" + v));
    }

    static boolean looksLikeReference(String t) {
        String head = t.split("[ ;]", 2)[0];
        if (SCHEME.matcher(head).find() || head.startsWith("file:")) {
            return true;
        }
        if (head.startsWith(".") || head.startsWith("/") || head.startsWith("~") || head.contains("/") || head.contains("\\")) {
            return true;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A path or URL: its name from {@code #egg=} or a wheel's file name, a wheel's version pinned. */
    private static Requirement reference(String t, SourceLocation at) {
        boolean url = SCHEME.matcher(t).find();
        // pip: after a URL the marker must follow "; " (a URL may hold ';'), after a path any ';'
        int semicolon = url ? t.indexOf("; ") : t.indexOf(';');
        String location = semicolon < 0 ? t : t.substring(0, semicolon).strip();
        Optional<Marker> marker = semicolon < 0 ? Optional.empty() : Optional.of(markerAfter(t, semicolon + 1));
        List<String> extras = new ArrayList<>();
        Matcher m = TRAILING_EXTRAS.matcher(location);
        if (!url && m.matches()) {
            location = m.group(1);
            TreeSet<String> names = new TreeSet<>();
            for (String e : m.group(2).split(",")) {
                if (!e.isBlank()) {
                    names.add(PackageName.normalize(e.strip()));
                }
            }
            extras.addAll(names);
        }
        DirectReference reference = DirectReference.of(location);
        String name = reference.eggName().orElse("");
        String fileName = fileName(location);
        SpecifierSet specifier = wheelPin(fileName).orElse(SpecifierSet.any());
        if (name.isEmpty() && fileName.toLowerCase(Locale.ROOT).endsWith(".whl") && fileName.split("-").length >= 5) {
            name = fileName.split("-")[0];
        }
        return new Requirement(PackageName.normalize(name), name, extras, specifier, marker, Optional.of(reference),
                false, List.of(), List.of(), Requirement.Origin.PIP, Optional.empty(), t, at);
    }

    private static Marker markerAfter(String t, int from) {
        try {
            return Marker.parse(t.substring(from).strip());
        } catch (InvalidRequirementException e) {
            throw new InvalidRequirementException("invalid requirement \"" + t + "\": " + e.getMessage());
        }
    }

    private static String fileName(String location) {
        String path = location;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        // percent-decode only: a literal '+' (a local version label) must stay a '+'
        return java.net.URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
