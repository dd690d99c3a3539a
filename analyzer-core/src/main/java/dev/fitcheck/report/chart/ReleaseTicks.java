package dev.fitcheck.report.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses which releases get a label on the axis. A package has a hundred releases or more and the
 * axis room for a dozen labels, so labels are picked by importance (the two ends, the bounds of
 * the shared window, the first release of each major series, the bounds of the code ranges, the
 * starts of the pins, then the first release of each minor series) and a label is kept only where
 * it overlaps none already kept.
 */
final class ReleaseTicks {

    static final double FONT = 12;
    /** Clear space between two labels. */
    static final double GAP = 10;

    /** A labelled release: where its tick is and the horizontal extent of its label. */
    record Tick(int index, String label, double x, double left, double right) {
    }

    private ReleaseTicks() {
    }

    /**
     * @param releases        oldest first
     * @param plotLeft        x of the first release's slot
     * @param slot            width of one release's slot
     * @param minX            no label may start left of this
     * @param maxX            no label may end right of this
     * @param sharedBounds    where the shared window starts and where it has ended
     * @param inferredBounds  where a code range starts and where it has ended
     * @param declaredStarts  where a pinned range starts
     */
    static List<Tick> choose(List<String> releases, double plotLeft, double slot, double minX, double maxX,
                             Set<Integer> sharedBounds, Set<Integer> inferredBounds, Set<Integer> declaredStarts) {
        int n = releases.size();
        Map<Integer, Integer> priority = new LinkedHashMap<>();
        priority.put(0, 0);
        priority.put(n - 1, 0);
        mark(priority, sharedBounds, 1, n);
        mark(priority, inferredBounds, 3, n);
        mark(priority, declaredStarts, 4, n);
        String previousMajor = null;
        String previousMinor = null;
        for (int i = 0; i < n; i++) {
            String[] parts = releases.get(i).split("\\.");
            String major = parts[0];
            String minor = parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
            if (!major.equals(previousMajor)) priority.merge(i, 2, Math::min);
            else if (!minor.equals(previousMinor)) priority.merge(i, 5, Math::min);
            previousMajor = major;
            previousMinor = minor;
        }
        List<Integer> order = new ArrayList<>(priority.keySet());
        order.sort(Comparator.<Integer>comparingInt(priority::get).thenComparingInt(i -> i));
        List<Tick> kept = new ArrayList<>();
        for (int i : order) {
            String label = releases.get(i);
            double width = TextWidth.MONO.of(label, FONT);
            double x = plotLeft + i * slot;
            double left = Math.min(Math.max(x - width / 2, minX), maxX - width);
            Tick tick = new Tick(i, label, x, left, left + width);
            if (kept.stream().noneMatch(k -> tick.left() < k.right() + GAP && k.left() < tick.right() + GAP)) {
                kept.add(tick);
            }
        }
        kept.sort(Comparator.comparingInt(Tick::index));
        return List.copyOf(kept);
    }

    private static void mark(Map<Integer, Integer> priority, Set<Integer> indices, int level, int n) {
        for (int i : new TreeSet<>(indices)) {
            if (i >= 0 && i < n) priority.merge(i, level, Math::min);
        }
    }
}
