package dev.fitcheck.catalogue;

import dev.fitcheck.python.ModuleSummary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Module summaries by content key, shared by the releases of one build: most files do not change
 * from one release to the next, so each distinct content is parsed once. Entries no release has
 * used for a while are dropped, which keeps a build of 100+ releases within memory.
 */
final class SummaryCache {

    private final int window;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    /** @param window how many releases an unused summary survives */
    SummaryCache(int window) {
        this.window = window;
    }

    private record Entry(ModuleSummary summary, AtomicInteger lastUsed) {
    }

    ModuleSummary get(String key) {
        Entry e = entries.get(key);
        if (e == null) return null;
        e.lastUsed.set(generation.get());
        return e.summary;
    }

    void put(String key, ModuleSummary s) {
        entries.put(key, new Entry(s, new AtomicInteger(generation.get())));
    }

    /** Marks the end of one release and forgets what the last {@code window} releases did not use. */
    void nextRelease() {
        int g = generation.incrementAndGet();
        entries.values().removeIf(e -> g - e.lastUsed.get() > window);
    }

    int size() {
        return entries.size();
    }
}
