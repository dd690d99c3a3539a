package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A distribution installed in a site-packages directory, as its {@code .dist-info} describes it:
 * name, version, the requirements it declares ({@code Requires-Dist}) and where it lies.
 */
public record InstalledDistribution(PackageName name, String displayName, String version,
        List<String> requiresDist, Path distInfo) {

    public InstalledDistribution {
        requiresDist = List.copyOf(requiresDist);
    }

    public Path sitePackages() {
        return distInfo.getParent();
    }

    /**
     * The names this distribution needs whatever extras are asked for. Entries guarded by an
     * {@code extra == "..."} marker are optional and left out.
     */
    public List<PackageName> unconditionalDependencies() {
        return requiresDist.stream()
                .filter(r -> !r.replace(" ", "").contains("extra=="))
                .map(InstalledDistribution::nameOf)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    static Optional<PackageName> nameOf(String requirement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)").matcher(requirement);
        return m.find() ? Optional.of(PackageName.of(m.group(1))) : Optional.empty();
    }
}
