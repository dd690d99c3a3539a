package dev.fitcheck.cli;

import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.CatalogueHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The API catalogues analyze reads: the prebuilt ones under rules/catalogues, offline. The user's
 * own catalogues in the cache are left out on purpose, so that a report depends on the repository
 * alone.
 */
final class Catalogues {

    private Catalogues() {
    }

    static ApiHistories histories(Path rules) {
        Path dir = rules.resolve("catalogues");
        if (!Files.isDirectory(dir)) {
            return ApiHistories.none();
        }
        List<ApiHistory> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList()) {
                out.add(new CatalogueHistory(CatalogueStore.read(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiHistories(out);
    }
}
