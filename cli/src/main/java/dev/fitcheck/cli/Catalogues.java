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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.size() < 2) {
            return new ApiHistories(files.stream().map(Catalogues::read).toList());
        }
        // The largest (transformers': 13 MB of JSON, three quarters of the whole) is read on this thread,
        // the others meanwhile on one more: in a cold JVM that takes a scan's wait from their sum to the
        // largest alone.
        Path largest = files.stream().max(Comparator.comparingLong(Catalogues::size)).orElseThrow();
        FutureTask<Map<Path, ApiHistory>> others = new FutureTask<>(() -> {
            Map<Path, ApiHistory> read = new HashMap<>();
            files.stream().filter(f -> !f.equals(largest)).forEach(f -> read.put(f, read(f)));
            return read;
        });
        Thread reader = new Thread(others, "catalogues-others");
        reader.setDaemon(true);
        reader.start();
        ApiHistory big = read(largest);
        Map<Path, ApiHistory> read;
        try {
            read = others.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalogues", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        read.put(largest, big);
        return new ApiHistories(files.stream().map(read::get).toList());
    }

    private static ApiHistory read(Path file) {
        return new CatalogueHistory(CatalogueStore.read(file));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
