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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The API catalogues analyze reads: the prebuilt ones under rules/catalogues, offline. The user's
 * own catalogues in the cache are left out on purpose, so that a report depends on the repository
 * alone.
 */
final class Catalogues {

    /** Catalogues whose reading {@link #readAhead} started, for the next {@link #reading} of the same rules. */
    private record Ahead(Path rules, CompletableFuture<ApiHistories> histories) {
    }

    private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

    private Catalogues() {
    }

    /**
     * Starts reading the catalogues of {@code rules} now, for a command that will ask for them once its
     * arguments are parsed: in a cold JVM picocli takes some 90 ms to get there, and reading the
     * catalogues is what a Python scan waits for last.
     */
    static void readAhead(Path rules) {
        AHEAD.set(new Ahead(rules, startReading(rules)));
    }

    /** The catalogues of {@code rules}, being read on a thread of their own (started ahead, or now). */
    static CompletableFuture<ApiHistories> reading(Path rules) {
        Ahead ahead = AHEAD.getAndSet(null);
        return ahead != null && ahead.rules().equals(rules) ? ahead.histories() : startReading(rules);
    }

    private static CompletableFuture<ApiHistories> startReading(Path rules) {
        CompletableFuture<ApiHistories> loading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                loading.complete(histories(rules));
            } catch (Throwable t) {
                loading.completeExceptionally(t);
            }
        }, "catalogues");
        reader.setDaemon(true);
        reader.start();
        return loading;
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
