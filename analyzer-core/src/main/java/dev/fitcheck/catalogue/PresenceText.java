package dev.fitcheck.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Presence as people read it: {@code 4.36.0 – 4.47.1 (removed in 4.48.0)}, with each later gap
 * and return named, and the ends of the catalogue said when a stretch touches them (nothing is
 * known beyond them).
 */
public final class PresenceText {

    private PresenceText() {
    }

    /** One stretch of versions: first and last catalogued version that have it, and the one after. */
    public record Stretch(String from, String to, String removedIn) {
    }

    public static List<Stretch> stretches(ApiCatalogue c, IndexRanges r) {
        List<Stretch> out = new ArrayList<>();
        List<String> v = c.versionLabels();
        for (int k = 0; k < r.intervals(); k++) {
            int lo = r.low(k);
            int hi = r.high(k);
            out.add(new Stretch(v.get(lo), v.get(hi), hi + 1 < v.size() ? v.get(hi + 1) : null));
        }
        return out;
    }

    /**
     * {@code 4.36.0 – 4.47.1 (removed in 4.48.0)}; an end that is the oldest or newest catalogued
     * release is marked so, since nothing is known beyond it.
     */
    public static String describe(ApiCatalogue c, IndexRanges r) {
        return describe(c, r, "removed in");
    }

    /** The same for a value that is replaced rather than removed: {@code (changed in 4.45.0)}. */
    public static String describeChange(ApiCatalogue c, IndexRanges r) {
        return describe(c, r, "changed in");
    }

    private static String describe(ApiCatalogue c, IndexRanges r, String endWord) {
        List<String> v = c.versionLabels();
        if (r.isEmpty()) {
            return "in no catalogued release (" + v.get(0) + " – " + v.get(v.size() - 1) + ")";
        }
        List<String> spans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < r.intervals(); k++) {
            int lo = r.low(k);
            int hi = r.high(k);
            String from = v.get(lo) + (lo == 0 ? " (oldest catalogued)" : "");
            String to = v.get(hi) + (hi == v.size() - 1 ? " (newest catalogued)" : "");
            spans.add(lo != hi ? from + " – " + to
                    : from + (hi == v.size() - 1 ? " (newest catalogued)" : ""));
            if (k > 0) notes.add("back in " + v.get(lo));
            if (hi + 1 < v.size()) notes.add(endWord + " " + v.get(hi + 1));
        }
        return String.join(", ", spans) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
