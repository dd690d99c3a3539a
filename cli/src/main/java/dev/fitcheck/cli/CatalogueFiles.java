package dev.fitcheck.cli;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueDirectory;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.fetch.CacheLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where catalogues are: the ones the user built or extended, in the store every ecosystem shares
 * ({@code ~/.cache/fitcheck/catalogues}: {@code pypi/NAME.json.gz}, {@code maven/GROUP/ARTIFACT.json.gz}),
 * and the prebuilt Python ones in the repository ({@code rules/catalogues}, read offline). The
 * user's win because a build extends the prebuilt one it started from.
 */
final class CatalogueFiles {

    private CatalogueFiles() {
    }

    static CatalogueDirectory userStore(Path dir) {
        return new CatalogueDirectory(dir != null ? dir : CacheLocation.catalogues());
    }

    static Path prebuilt(String packageName) {
        return Workspaces.rules().resolve("catalogues").resolve(packageName + ".json.gz");
    }

    static Path userBuilt(CataloguePackage p, Path storeDir) {
        return userStore(storeDir).pathOf(p.ecosystem(), p.name());
    }

    /** The catalogue to read: {@code explicit} when given, else the user's, else the prebuilt Python one. */
    static Optional<Path> find(CataloguePackage p, Path explicit, Path storeDir) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new InputError(explicit, 0, "no such catalogue file");
            }
            return Optional.of(explicit);
        }
        Path user = userBuilt(p, storeDir);
        if (Files.isRegularFile(user)) return Optional.of(user);
        if (p.ecosystem() != Ecosystem.PYPI) return Optional.empty(); // the repository prebuilds Python catalogues only
        Path pre = prebuilt(p.name());
        return Files.isRegularFile(pre) ? Optional.of(pre) : Optional.empty();
    }

    static ApiCatalogue load(CataloguePackage p, Path explicit, Path storeDir) {
        Path file = find(p, explicit, storeDir).orElseThrow(() -> new InputError("no API catalogue of " + p.display()
                + " (looked in " + userBuilt(p, storeDir)
                + (p.ecosystem() == Ecosystem.PYPI ? " and " + prebuilt(p.name()) : "")
                + "); build one with `fitcheck catalogue build " + p.display() + " --versions "
                + (p.ecosystem() == Ecosystem.PYPI ? "\">=X\"" : "\"[X,Y]\"") + "`"));
        ApiCatalogue c = CatalogueStore.read(file);
        if (c.axis().ecosystem() != p.ecosystem()) {
            throw new InputError(file, 0, "is the catalogue of " + c.ecosystem() + " package " + c.packageName()
                    + ", not of " + p.display());
        }
        return c;
    }
}
