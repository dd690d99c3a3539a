package dev.fitcheck.report.chart;

import dev.fitcheck.report.chart.ReleaseTimeline.ModelSpan;
import dev.fitcheck.report.chart.ReleaseTimeline.PackageTrack;
import dev.fitcheck.report.chart.ReleaseTimeline.Span;
import dev.fitcheck.report.document.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The release timeline: one panel per package with its releases as the horizontal axis, and per
 * model two bars, the releases its pins allow and the releases its code runs on, the symbol that
 * bounds the code range named at each end, and the window every model shares as a band across the
 * rows (or a "no shared release" mark). Releases are evenly spaced, one slot each: the axis orders
 * releases, it does not measure time.
 */
public final class ReleaseTimelineChart {

    static final double WIDTH = 1100;
    static final double MARGIN = 16;
    static final double FONT = 13;
    static final double SMALL = 12;
    static final double TITLE_FONT = 15;
    static final double LINE = 22;
    static final double BAR = 14;
    static final double ROW_GAP = 8;
    static final double PANEL_GAP = 28;
    static final double AXIS_LABELS = 34;
    static final double MAX_NAME = 240;

    static final String TEXT = "#1f2328";
    static final String MUTED = "#59636e";
    static final String GRID = "#d1d9e0";
    static final String ZEBRA = "#f6f8fa";
    static final String SHARED = "#1a7f37";
    static final String SHARED_FILL = "#aceebb";
    static final String NONE = "#cf222e";
    /** Model colours: text in them reaches 4.5:1 on white and on the row shade (ColourContrastTest), and they differ in hue. */
    static final List<String> PALETTE = List.of("#0969da", "#bc4c00", "#8250df", "#bf3989", "#0a7b83", "#57606a");

    private static final String DECLARED_TAG = "pins";
    private static final String INFERRED_TAG = "code";

    private ReleaseTimelineChart() {
    }

    /** The chart as a report block: the SVG for HTML, the description for formats without pictures. */
    public static Block.Chart block(ReleaseTimeline timeline) {
        return new Block.Chart(title(timeline), svg(timeline), describe(timeline));
    }

    public static String title(ReleaseTimeline timeline) {
        return "Release timeline: " + String.join(", ", timeline.packages().stream().map(PackageTrack::distribution).toList());
    }

    /** A text alternative that says everything the picture does. */
    public static String describe(ReleaseTimeline timeline) {
        List<String> parts = new ArrayList<>();
        for (PackageTrack p : timeline.packages()) {
            List<String> r = p.releases();
            StringBuilder sb = new StringBuilder();
            sb.append(p.distribution()).append(": ").append(r.size()).append(r.size() == 1 ? " catalogued release, " : " catalogued releases, ")
                    .append(r.get(0)).append(r.size() > 1 ? " to " + r.get(r.size() - 1) : "").append(". ");
            for (ModelSpan m : p.models()) {
                sb.append(m.model()).append(' ');
                if (m.declared().isPresent()) {
                    sb.append("pins ").append(declaredText(m.declared().get(), r));
                    m.note().ifPresent(note -> sb.append(" (").append(note).append(')'));
                } else {
                    sb.append(m.note().orElse("declares nothing"));
                }
                sb.append("; its code ");
                if (m.inferred().isPresent()) {
                    Span s = m.inferred().get();
                    sb.append(s.size() == 1 ? "runs only on " + r.get(s.firstIndex())
                            : "runs on " + r.get(s.firstIndex()) + " to " + r.get(s.lastIndexInclusive()));
                    List<String> bounds = new ArrayList<>();
                    lowerLabel(m, s, r).ifPresent(bounds::add);
                    upperLabel(m, s, r).ifPresent(bounds::add);
                    if (!bounds.isEmpty()) sb.append(" (").append(String.join(", ", bounds)).append(')');
                } else {
                    sb.append("has no inferred range");
                }
                sb.append(". ");
            }
            sb.append(p.shared().map(s -> "Every model shares " + spanText(s, r) + ".").orElse("No release is shared by every model."));
            parts.add(sb.toString());
        }
        return String.join(" ", parts);
    }

    public static String svg(ReleaseTimeline timeline) {
        Map<String, String> colours = colours(timeline);
        double nameWidth = 0;
        for (PackageTrack p : timeline.packages()) {
            for (ModelSpan m : p.models()) {
                nameWidth = Math.max(nameWidth, TextWidth.BOLD.of(m.model(), FONT));
            }
        }
        nameWidth = Math.min(MAX_NAME, Math.max(nameWidth, 60));
        double tagWidth = Math.max(TextWidth.SANS.of(DECLARED_TAG, SMALL), TextWidth.SANS.of(INFERRED_TAG, SMALL));
        double plotLeft = MARGIN + nameWidth + 12 + tagWidth + 12;
        double plotRight = WIDTH - MARGIN - 8;

        List<PanelLayout> panels = new ArrayList<>();
        double y = MARGIN;
        for (PackageTrack p : timeline.packages()) {
            PanelLayout panel = layout(p, y, plotLeft, plotRight);
            panels.add(panel);
            y = panel.bottom() + PANEL_GAP;
        }
        double height = Math.ceil(y - PANEL_GAP + MARGIN);

        // Ids from the content (String.hashCode is specified, so they are stable): two charts on one page never share one.
        String description = describe(timeline);
        String id = "fc-timeline-" + Integer.toHexString(description.hashCode());
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + Svg.n(WIDTH) + " " + Svg.n(height),
                "width", Svg.n(WIDTH), "height", Svg.n(height), "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "font-family", Svg.SANS, "font-size", Svg.n(FONT),
                "class", "fc-chart fc-release-timeline");
        svg.text("title", title(timeline), "id", id + "-title");
        svg.text("desc", description, "id", id + "-desc");
        svg.leaf("rect", "x", "0", "y", "0", "width", Svg.n(WIDTH), "height", Svg.n(height), "fill", "#ffffff");
        for (PanelLayout panel : panels) {
            draw(panel, colours, nameWidth, svg);
        }
        svg.close("svg");
        return svg.toString();
    }

    private static Map<String, String> colours(ReleaseTimeline timeline) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (PackageTrack p : timeline.packages()) {
            for (ModelSpan m : p.models()) {
                colours.computeIfAbsent(m.model(), k -> PALETTE.get(colours.size() % PALETTE.size()));
            }
        }
        return colours;
    }

    // ---- layout: every position is decided before anything is drawn

    private record Lane(Optional<Span> span, double x0, double x1, List<BarLabels.Placed> labels, Optional<String> text) {
        int lines() {
            return 1 + BarLabels.extraLines(labels);
        }
    }

    private record RowLayout(ModelSpan model, double top, Lane declared, double declaredTop, Lane inferred,
                             double inferredTop, Optional<String> noteLine, double noteTop, double bottom) {
    }

    private record PanelLayout(PackageTrack track, double top, double rowsTop, List<RowLayout> rows, double rowsBottom,
                               double axisY, List<ReleaseTicks.Tick> ticks, double plotLeft, double slot,
                               double bottom) {
        double x(int index) {
            return plotLeft + index * slot;
        }
    }

    private static PanelLayout layout(PackageTrack p, double top, double plotLeft, double plotRight) {
        List<String> r = p.releases();
        double slot = (plotRight - plotLeft) / r.size();
        double rowsTop = top + 30;
        double y = rowsTop;
        List<RowLayout> rows = new ArrayList<>();
        for (ModelSpan m : p.models()) {
            Lane declared = m.declared()
                    .map(s -> barLane(s, plotLeft, slot, List.of(
                            new BarLabels.Wish(declaredText(s, r), TextWidth.MONO, SMALL, BarLabels.Side.RIGHT, true, true)), plotLeft, WIDTH - MARGIN))
                    .orElseGet(() -> new Lane(Optional.empty(), 0, 0, List.of(),
                            Optional.of(m.note().orElse("not declared"))));
            Lane inferred = m.inferred()
                    .map(s -> {
                        List<BarLabels.Wish> wishes = new ArrayList<>();
                        lowerLabel(m, s, r).ifPresent(t -> wishes.add(new BarLabels.Wish(t, TextWidth.MONO, SMALL, BarLabels.Side.LEFT, true, false)));
                        upperLabel(m, s, r).ifPresent(t -> wishes.add(new BarLabels.Wish(t, TextWidth.MONO, SMALL, BarLabels.Side.RIGHT, true, false)));
                        return barLane(s, plotLeft, slot, wishes, plotLeft, WIDTH - MARGIN);
                    })
                    .orElseGet(() -> new Lane(Optional.empty(), 0, 0, List.of(), Optional.of("no range inferred from the code")));
            double rowTop = y;
            double declaredTop = y + ROW_GAP / 2;
            double inferredTop = declaredTop + declared.lines() * LINE;
            double after = inferredTop + inferred.lines() * LINE;
            Optional<String> note = m.declared().isPresent() ? m.note() : Optional.empty();
            double noteTop = after;
            if (note.isPresent()) after += LINE;
            y = after + ROW_GAP / 2;
            rows.add(new RowLayout(m, rowTop, declared, declaredTop, inferred, inferredTop, note, noteTop, y));
        }
        double rowsBottom = y;
        double axisY = rowsBottom + 4;
        Set<Integer> sharedBounds = new TreeSet<>();
        p.shared().ifPresent(s -> {
            sharedBounds.add(s.firstIndex());
            sharedBounds.add(s.lastIndexInclusive() + 1);
        });
        Set<Integer> inferredBounds = new TreeSet<>();
        Set<Integer> declaredStarts = new TreeSet<>();
        for (ModelSpan m : p.models()) {
            m.inferred().ifPresent(s -> {
                inferredBounds.add(s.firstIndex());
                inferredBounds.add(s.lastIndexInclusive() + 1);
            });
            m.declared().ifPresent(s -> declaredStarts.add(s.firstIndex()));
        }
        List<ReleaseTicks.Tick> ticks = ReleaseTicks.choose(r, plotLeft, slot, MARGIN, WIDTH - MARGIN, sharedBounds, inferredBounds, declaredStarts);
        return new PanelLayout(p, top, rowsTop, rows, rowsBottom, axisY, ticks, plotLeft, slot, axisY + AXIS_LABELS);
    }

    private static Lane barLane(Span s, double plotLeft, double slot, List<BarLabels.Wish> wishes, double minX, double maxX) {
        double x0 = plotLeft + s.firstIndex() * slot;
        double x1 = plotLeft + (s.lastIndexInclusive() + 1) * slot;
        // A one-release bar is at least 4 px wide, centred on its slot, so that it stays visible.
        if (x1 - x0 < 4) {
            double mid = (x0 + x1) / 2;
            x0 = mid - 2;
            x1 = mid + 2;
        }
        return new Lane(Optional.of(s), x0, x1, BarLabels.place(x0, x1, wishes, minX, maxX), Optional.empty());
    }

    static String declaredText(Span s, List<String> r) {
        int last = r.size() - 1;
        if (s.size() == 1) return "==" + r.get(s.firstIndex());
        if (s.firstIndex() == 0 && s.lastIndexInclusive() == last) return "any release";
        if (s.lastIndexInclusive() == last) return "\u2265" + r.get(s.firstIndex());
        if (s.firstIndex() == 0) return "\u2264" + r.get(s.lastIndexInclusive());
        return r.get(s.firstIndex()) + " \u2013 " + r.get(s.lastIndexInclusive());
    }

    private static String spanText(Span s, List<String> r) {
        return s.size() == 1 ? r.get(s.firstIndex()) : r.get(s.firstIndex()) + " \u2013 " + r.get(s.lastIndexInclusive())
                + " (" + s.size() + " releases)";
    }

    /** The lower bound's label: the symbol and the first release that has it; none where the range starts with the catalogue and no symbol is named. */
    static Optional<String> lowerLabel(ModelSpan m, Span s, List<String> r) {
        String bound = "\u2265" + r.get(s.firstIndex());
        if (m.lowerSymbol().isPresent()) return Optional.of(m.lowerSymbol().get() + " " + bound);
        return s.firstIndex() > 0 ? Optional.of(bound) : Optional.empty();
    }

    /** The upper bound's label: the symbol and the first release without it; none where the range runs to the newest release and no symbol is named. */
    static Optional<String> upperLabel(ModelSpan m, Span s, List<String> r) {
        boolean open = s.lastIndexInclusive() == r.size() - 1;
        String bound = open ? "\u2264" + r.get(s.lastIndexInclusive()) : "<" + r.get(s.lastIndexInclusive() + 1);
        if (m.upperSymbol().isPresent()) return Optional.of(m.upperSymbol().get() + " " + bound);
        return open ? Optional.empty() : Optional.of(bound);
    }

    // ---- drawing

    private static void draw(PanelLayout panel, Map<String, String> colours, double nameWidth, Svg svg) {
        PackageTrack p = panel.track();
        List<String> r = p.releases();
        double plotRight = panel.x(r.size());
        svg.open("g", "class", "fc-package");
        svg.text("text", p.distribution(), "x", Svg.n(MARGIN), "y", Svg.n(panel.top() + 16), "font-size", Svg.n(TITLE_FONT),
                "font-weight", "bold", "fill", TEXT);
        status(panel, svg);

        // Rows' background, then the grid, then the shared band, so that bars and labels stay on top.
        for (int i = 0; i < panel.rows().size(); i++) {
            RowLayout row = panel.rows().get(i);
            if (i % 2 == 0) {
                svg.leaf("rect", "x", Svg.n(MARGIN), "y", Svg.n(row.top()), "width", Svg.n(WIDTH - 2 * MARGIN),
                        "height", Svg.n(row.bottom() - row.top()), "fill", ZEBRA);
            }
        }
        for (ReleaseTicks.Tick t : panel.ticks()) {
            svg.leaf("line", "x1", Svg.n(t.x()), "y1", Svg.n(panel.rowsTop()), "x2", Svg.n(t.x()), "y2", Svg.n(panel.axisY()),
                    "stroke", GRID, "stroke-width", "1");
        }
        p.shared().ifPresent(s -> {
            double x0 = panel.x(s.firstIndex());
            double x1 = Math.max(panel.x(s.lastIndexInclusive() + 1), x0 + 4);
            svg.open("rect", "class", "fc-shared", "x", Svg.n(x0), "y", Svg.n(panel.rowsTop() - 4), "width", Svg.n(x1 - x0),
                    "height", Svg.n(panel.axisY() - panel.rowsTop() + 4), "fill", SHARED_FILL, "fill-opacity", "0.55",
                    "stroke", SHARED, "stroke-width", "1.5", "stroke-dasharray", "4 3");
            svg.text("title", "shared by every model: " + spanText(s, r));
            svg.close("rect");
        });

        for (RowLayout row : panel.rows()) {
            String colour = colours.get(row.model().model());
            svg.open("g", "class", "fc-model");
            String name = TextWidth.BOLD.shorten(row.model().model(), nameWidth, FONT);
            double nameY = row.declaredTop() + LINE / 2 + 4.5;
            if (name.equals(row.model().model())) {
                svg.text("text", name, "x", Svg.n(MARGIN + 6), "y", Svg.n(nameY), "font-weight", "bold", "fill", colour);
            } else {
                svg.textWithTitle(name, row.model().model(), "x", Svg.n(MARGIN + 6), "y", Svg.n(nameY), "font-weight", "bold", "fill", colour);
            }
            double tagX = panel.plotLeft() - 10;
            svg.text("text", DECLARED_TAG, "x", Svg.n(tagX), "y", Svg.n(nameY), "text-anchor", "end", "font-size", Svg.n(SMALL), "fill", MUTED);
            svg.text("text", INFERRED_TAG, "x", Svg.n(tagX), "y", Svg.n(row.inferredTop() + LINE / 2 + 4.5), "text-anchor", "end",
                    "font-size", Svg.n(SMALL), "fill", MUTED);
            String background = panel.rows().indexOf(row) % 2 == 0 ? ZEBRA : "#ffffff";
            lane(row.declared(), row.declaredTop(), colour, background, true, row.model().model() + " pins", r, panel, plotRight, svg);
            lane(row.inferred(), row.inferredTop(), colour, background, false, row.model().model() + " code", r, panel, plotRight, svg);
            row.noteLine().ifPresent(note -> note(note, panel.plotLeft(), plotRight, row.noteTop(), svg));
            svg.close("g");
        }
        axis(panel, svg);
        svg.close("g");
    }

    private static void status(PanelLayout panel, Svg svg) {
        PackageTrack p = panel.track();
        double y = panel.top() + 16;
        double right = WIDTH - MARGIN;
        if (p.shared().isPresent()) {
            String text = "shared window: " + spanText(p.shared().get(), p.releases());
            double w = TextWidth.BOLD.of(text, FONT);
            svg.leaf("rect", "x", Svg.n(right - w - 24), "y", Svg.n(y - 11), "width", "14", "height", "14",
                    "fill", SHARED_FILL, "stroke", SHARED, "stroke-width", "1.5", "stroke-dasharray", "4 3");
            svg.text("text", text, "class", "fc-shared-status", "x", Svg.n(right), "y", Svg.n(y), "text-anchor", "end",
                    "font-weight", "bold", "fill", SHARED);
        } else {
            String text = "no shared release";
            double w = TextWidth.BOLD.of(text, FONT);
            double cx = right - w - 13;
            svg.leaf("path", "d", "M" + Svg.n(cx - 5) + " " + Svg.n(y - 9) + " l10 10 M" + Svg.n(cx + 5) + " " + Svg.n(y - 9)
                    + " l-10 10", "stroke", NONE, "stroke-width", "2.5", "stroke-linecap", "round", "fill", "none");
            svg.text("text", text, "class", "fc-no-shared", "x", Svg.n(right), "y", Svg.n(y), "text-anchor", "end",
                    "font-weight", "bold", "fill", NONE);
        }
    }

    private static void lane(Lane lane, double top, String colour, String background, boolean declared, String what, List<String> r,
                             PanelLayout panel, double plotRight, Svg svg) {
        double textY = top + LINE / 2 + 4.5;
        if (lane.span().isEmpty()) {
            note(lane.text().orElse(""), panel.plotLeft(), plotRight, top, svg);
            return;
        }
        Span s = lane.span().get();
        double barY = top + (LINE - BAR) / 2;
        String tip = what + ": " + (s.size() == 1 ? r.get(s.firstIndex()) : r.get(s.firstIndex()) + " \u2013 " + r.get(s.lastIndexInclusive()));
        if (declared) {
            svg.open("rect", "class", "fc-declared", "x", Svg.n(lane.x0()), "y", Svg.n(barY), "width", Svg.n(lane.x1() - lane.x0()),
                    "height", Svg.n(BAR), "rx", "2", "fill", colour);
        } else {
            svg.open("rect", "class", "fc-inferred", "x", Svg.n(lane.x0()), "y", Svg.n(barY), "width", Svg.n(lane.x1() - lane.x0()),
                    "height", Svg.n(BAR), "rx", "2", "fill", tint(colour), "stroke", colour, "stroke-width", "1.5");
        }
        svg.text("title", tip);
        svg.close("rect");
        for (BarLabels.Placed label : lane.labels()) {
            double y = textY + label.line() * LINE;
            boolean inside = label.line() == 0 && label.left() >= lane.x0() && label.right() <= lane.x1();
            if (inside) {
                // Over a pin's solid colour the text is white; over a code range's tint it is dark.
                svg.text("text", label.wish().text(), "class", "fc-bar-label", "x", Svg.n(label.left()), "y", Svg.n(y),
                        "font-family", Svg.MONO, "font-size", Svg.n(label.wish().fontSize()), "fill", declared ? "#ffffff" : TEXT);
            } else {
                // The halo takes the colour of the row behind the label, so it hides grid lines and nothing else.
                svg.text("text", label.wish().text(), "class", "fc-bar-label", "x", Svg.n(label.left()), "y", Svg.n(y),
                        "font-family", Svg.MONO, "font-size", Svg.n(label.wish().fontSize()), "fill", TEXT,
                        "stroke", background, "stroke-width", "4", "stroke-linejoin", "round", "paint-order", "stroke");
            }
        }
    }

    private static void note(String text, double left, double right, double top, Svg svg) {
        String shown = TextWidth.SANS.shorten(text, right - left, SMALL);
        double y = top + LINE / 2 + 4.5;
        if (shown.equals(text)) {
            svg.text("text", shown, "class", "fc-note", "x", Svg.n(left), "y", Svg.n(y), "font-size", Svg.n(SMALL),
                    "font-style", "italic", "fill", MUTED);
        } else {
            svg.textWithTitle(shown, text, "class", "fc-note", "x", Svg.n(left), "y", Svg.n(y), "font-size", Svg.n(SMALL),
                    "font-style", "italic", "fill", MUTED);
        }
    }

    private static void axis(PanelLayout panel, Svg svg) {
        List<String> r = panel.track().releases();
        double y = panel.axisY();
        svg.open("g", "class", "fc-axis");
        svg.leaf("line", "x1", Svg.n(panel.x(0)), "y1", Svg.n(y), "x2", Svg.n(panel.x(r.size())), "y2", Svg.n(y),
                "stroke", MUTED, "stroke-width", "1");
        StringBuilder minor = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            minor.append(i == 0 ? "" : " ").append('M').append(Svg.n(panel.x(i))).append(' ').append(Svg.n(y)).append(" v3");
        }
        svg.leaf("path", "d", minor.toString(), "stroke", MUTED, "stroke-width", "0.75", "fill", "none");
        for (ReleaseTicks.Tick t : panel.ticks()) {
            svg.leaf("line", "x1", Svg.n(t.x()), "y1", Svg.n(y), "x2", Svg.n(t.x()), "y2", Svg.n(y + 7), "stroke", TEXT, "stroke-width", "1");
            svg.text("text", t.label(), "class", "fc-tick-label", "x", Svg.n(t.left()), "y", Svg.n(y + 21),
                    "font-family", Svg.MONO, "font-size", Svg.n(ReleaseTicks.FONT), "fill", TEXT);
        }
        svg.close("g");
    }

    /** The colour mixed with white: the fill of a code-range bar, whose outline keeps the full colour. */
    static String tint(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int red = mix((rgb >> 16) & 0xff);
        int green = mix((rgb >> 8) & 0xff);
        int blue = mix(rgb & 0xff);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.28 + 255 * 0.72);
    }
}
