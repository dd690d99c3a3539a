package dev.fitcheck.cli;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.fetch.CacheLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Python catalogues are: the prebuilt ones in the repository ({@code rules/catalogues}, read
 * offline) and the ones the user built or extended ({@code ~/.cache/fitcheck/catalogues/pypi}),
 * which win because a build extends the prebuilt one it started from.
 */
final class CatalogueFiles {

    private CatalogueFiles() {
    }

    static Path prebuilt(String packageName) {
        return Workspaces.rules().resolve("catalogues").resolve(packageName + ".json.gz");
    }

    static Path userBuilt(String packageName) {
        return CacheLocation.catalogues("pypi").resolve(packageName + ".json.gz");
    }

    /** The catalogue to read: {@code explicit} when given, else the user's, else the prebuilt one. */
    static Optional<Path> find(String packageName, Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new InputError(explicit, 0, "no such catalogue file");
            }
            return Optional.of(explicit);
        }
        Path user = userBuilt(packageName);
        if (Files.isRegularFile(user)) return Optional.of(user);
        Path pre = prebuilt(packageName);
        return Files.isRegularFile(pre) ? Optional.of(pre) : Optional.empty();
    }

    static ApiCatalogue load(String packageName, Path explicit) {
        Path file = find(packageName, explicit).orElseThrow(() -> new InputError("no API catalogue of " + packageName
                + " (looked in " + userBuilt(packageName) + " and " + prebuilt(packageName)
                + "); build one with `fitcheck catalogue build " + packageName + " --versions \">=X\"`"));
        return CatalogueStore.read(file);
    }
}
