package dev.fitcheck.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the labels of one bar so that none overlaps another or leaves the drawing: first outside
 * the bar on the side the label belongs to, then inside the bar, and when neither has room, on an
 * extra line under the bar (the row grows; nothing is dropped).
 */
final class BarLabels {

    static final double PAD = 6;
    static final double GAP = 8;

    enum Side { LEFT, RIGHT }

    /**
     * A label to place: which end of the bar it names, whether it may be drawn over the bar, and
     * whether it may move to the bar's other end (a label that names the whole bar may; one that
     * names a bound may not).
     */
    record Wish(String text, TextWidth font, double fontSize, Side side, boolean mayGoInside, boolean mayFlip) {
        double width() {
            return font.of(text, fontSize);
        }
    }

    /** A placed label: line 0 is the bar's own line, 1 and on are extra lines below it. */
    record Placed(Wish wish, double left, double right, int line) {
    }

    private BarLabels() {
    }

    /** Labels for a bar from {@code x0} to {@code x1}, kept within {@code minX..maxX}. */
    static List<Placed> place(double x0, double x1, List<Wish> wishes, double minX, double maxX) {
        List<Placed> placed = new ArrayList<>();
        for (Wish w : wishes) {
            double width = w.width();
            List<Placed> candidates = new ArrayList<>();
            Placed outsideLeft = new Placed(w, x0 - PAD - width, x0 - PAD, 0);
            Placed outsideRight = new Placed(w, x1 + PAD, x1 + PAD + width, 0);
            if (w.side() == Side.LEFT) {
                candidates.add(outsideLeft);
                if (w.mayFlip()) candidates.add(outsideRight);
                if (w.mayGoInside()) candidates.add(new Placed(w, x0 + PAD, x0 + PAD + width, 0));
            } else {
                candidates.add(outsideRight);
                if (w.mayFlip()) candidates.add(outsideLeft);
                if (w.mayGoInside()) candidates.add(new Placed(w, x1 - PAD - width, x1 - PAD, 0));
            }
            Placed chosen = null;
            for (Placed c : candidates) {
                boolean inside = c.left() >= x0 && c.right() <= x1;
                boolean outside = c.right() <= x0 || c.left() >= x1;
                if (c.left() >= minX && c.right() <= maxX && (inside || outside) && free(c, placed)) {
                    chosen = c;
                    break;
                }
            }
            for (int line = 1; chosen == null; line++) {
                double left = w.side() == Side.LEFT
                        ? Math.min(Math.max(x0, minX), maxX - width)
                        : Math.max(Math.min(x1, maxX) - width, minX);
                Placed c = new Placed(w, left, left + width, line);
                if (free(c, placed)) chosen = c;
            }
            placed.add(chosen);
        }
        return List.copyOf(placed);
    }

    static int extraLines(List<Placed> placed) {
        return placed.stream().mapToInt(Placed::line).max().orElse(0);
    }

    private static boolean free(Placed c, List<Placed> placed) {
        return placed.stream().noneMatch(p -> p.line() == c.line()
                && c.left() < p.right() + GAP && p.left() < c.right() + GAP);
    }
}
