package dev.fitcheck.python;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Summaries of top-level statement runs by content, shared by every parser of one catalogue build:
 * from one release to the next most classes and functions of a changed file are unchanged, and
 * generated code repeats the same helpers across files. Thread-safe. Entries unused for
 * {@code window} generations are dropped at {@link #nextGeneration()}.
 */
public final class ChunkCache {

    private final int window;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    public ChunkCache(int window) {
        this.window = window;
    }

    /** 128 bits of SHA-256 over a chunk's bytes. */
    record Key(long high, long low) {
    }

    private record Entry(ChunkSummary summary, AtomicInteger lastUsed) {
    }

    ChunkSummary get(Key key) {
        Entry e = entries.get(key);
        if (e == null) return null;
        e.lastUsed.set(generation.get());
        return e.summary;
    }

    void put(Key key, ChunkSummary s) {
        entries.put(key, new Entry(s, new AtomicInteger(generation.get())));
    }

    /** One release done: forget what the last {@code window} releases did not use. */
    public void nextGeneration() {
        int g = generation.incrementAndGet();
        entries.values().removeIf(e -> g - e.lastUsed.get() > window);
    }

    public int size() {
        return entries.size();
    }
}
