package dev.fitcheck.report.chart;

import dev.fitcheck.report.chart.MemoryBars.Configuration;
import dev.fitcheck.report.chart.MemoryBars.Segment;
import dev.fitcheck.report.document.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GPU memory bars on one GiB scale: the card with the services that hold memory on it now stacked
 * from zero and the rest marked free, with a legend; under it one bar per configuration, from zero
 * to what it needs, crossed by the capacity line and the "free now" line, with the planner's fit
 * verdict and the margin in GiB beside each.
 */
public final class MemoryBarsChart {

    static final double WIDTH = 1100;
    static final double MARGIN = 16;
    static final double FONT = 13;
    static final double SMALL = 12;
    static final double HEADER_LINE = 18;
    static final double GPU_BAR = 26;
    static final double LEGEND_LINE = 22;
    static final double ROW = 32;
    static final double CONFIG_BAR = 18;
    static final double AXIS_LABELS = 30;
    static final double MIN_TICK_SPACING = 56;

    static final String TEXT = "#1f2328";
    static final String MUTED = "#59636e";
    static final String GRID = "#d1d9e0";
    static final String FIT = "#1a7f37";
    static final String FREE_FILL = "#d1f5da";
    static final String NO_FIT = "#cf222e";
    /** Service colours: each at least 3:1 against white (ColourContrastTest), and apart from the fit and no-fit colours. */
    static final List<String> SERVICE_COLOURS = List.of("#6e7781", "#953800", "#6639ba", "#0550ae", "#99286e", "#0a7b83");

    private static final double GIB = 1024.0 * 1024 * 1024;

    private MemoryBarsChart() {
    }

    /** The chart as a report block: the SVG for HTML, the description for formats without pictures. */
    public static Block.Chart block(MemoryBars bars) {
        return new Block.Chart(title(bars), svg(bars), describe(bars));
    }

    public static String title(MemoryBars bars) {
        return "GPU memory: " + bars.gpu() + ", " + gib(bars.capacityBytes());
    }

    /** One decimal GiB, the same in every locale: 24.0 GiB. */
    public static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
    }

    /** A text alternative that says everything the picture does. */
    public static String describe(MemoryBars bars) {
        StringBuilder sb = new StringBuilder();
        sb.append(bars.gpu()).append(": ").append(gib(bars.capacityBytes())).append(". ");
        if (bars.services().isEmpty()) {
            sb.append("No service holds memory on it now");
        } else {
            sb.append("In use now: ");
            sb.append(String.join(", ", bars.services().stream().map(s -> s.name() + " " + gib(s.bytes())).toList()));
        }
        sb.append("; free ").append(gib(bars.freeBytes())).append('.');
        for (Configuration c : bars.configurations()) {
            sb.append(' ').append(c.name()).append(" needs ").append(gib(c.needBytes())).append(": ").append(verdict(bars, c)).append('.');
        }
        return sb.toString();
    }

    /** The words beside a configuration's bar: the planner's verdict and by how much. */
    static String verdict(MemoryBars bars, Configuration c) {
        long spare = bars.freeBytes() - c.needBytes();
        if (c.needBytes() > bars.capacityBytes()) {
            return "no fit, " + gib(c.needBytes() - bars.capacityBytes()) + " over capacity";
        }
        if (c.fitsNow()) {
            return spare >= 0 ? "fits now, " + gib(spare) + " spare" : "fits now";
        }
        return spare < 0 ? "no fit now, " + gib(-spare) + " short" : "no fit now";
    }

    public static String svg(MemoryBars bars) {
        Layout l = layout(bars);
        // Ids from the content (String.hashCode is specified, so they are stable): two charts on one page never share one.
        String description = describe(bars);
        String id = "fc-memory-" + Integer.toHexString(description.hashCode());
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + Svg.n(WIDTH) + " " + Svg.n(l.height()),
                "width", Svg.n(WIDTH), "height", Svg.n(l.height()), "role", "img",
                "aria-labelledby", id + "-title " + id + "-desc", "font-family", Svg.SANS, "font-size", Svg.n(FONT),
                "class", "fc-chart fc-memory-bars");
        svg.text("title", title(bars), "id", id + "-title");
        svg.text("desc", description, "id", id + "-desc");
        svg.leaf("rect", "x", "0", "y", "0", "width", Svg.n(WIDTH), "height", Svg.n(l.height()), "fill", "#ffffff");

        grid(l, svg);
        gpuRow(bars, l, svg);
        for (int i = 0; i < bars.configurations().size(); i++) {
            configurationRow(bars, bars.configurations().get(i), l, l.configTop() + i * ROW, svg);
        }
        lines(bars, l, svg);
        svg.close("svg");
        return svg.toString();
    }

    // ---- layout

    record Layout(double nameWidth, double plotLeft, double plotRight, double markerLeft, double axisMaxGib, double stepGib,
                  double headerTop, double gpuTop, List<LegendItem> legend, int legendLines, double configTop,
                  double axisY, double height) {
        double x(long bytes) {
            return plotLeft + (bytes / GIB) / axisMaxGib * (plotRight - plotLeft);
        }

        double xGib(double gib) {
            return plotLeft + gib / axisMaxGib * (plotRight - plotLeft);
        }
    }

    record LegendItem(String text, String fill, String stroke, double x, int line) {
    }

    static Layout layout(MemoryBars bars) {
        double nameWidth = TextWidth.BOLD.of(bars.gpu(), FONT);
        for (Configuration c : bars.configurations()) {
            nameWidth = Math.max(nameWidth, TextWidth.SANS.of(c.name(), FONT));
        }
        nameWidth = Math.min(300, Math.max(100, nameWidth));
        double plotLeft = MARGIN + nameWidth + 18;

        double markerWidth = TextWidth.SANS.of(usage(bars), SMALL);
        double valueWidth = 0;
        for (Configuration c : bars.configurations()) {
            markerWidth = Math.max(markerWidth, 22 + TextWidth.BOLD.of(verdict(bars, c), FONT));
            valueWidth = Math.max(valueWidth, TextWidth.BOLD.of(gib(c.needBytes()), SMALL));
        }
        markerWidth = Math.min(340, markerWidth);
        double markerLeft = WIDTH - MARGIN - markerWidth;
        double plotRight = markerLeft - valueWidth - 24;

        long biggest = Math.max(bars.capacityBytes(), bars.usedBytes());
        for (Configuration c : bars.configurations()) {
            biggest = Math.max(biggest, c.needBytes());
        }
        double maxGib = biggest / GIB;
        int maxTicks = Math.max(2, (int) Math.floor((plotRight - plotLeft) / MIN_TICK_SPACING));
        double step = 0.25;
        for (double candidate : new double[] {0.25, 0.5, 1, 2, 4, 5, 8, 10, 16, 20, 32, 40, 64, 80, 128, 160, 256, 320, 512, 640, 1024}) {
            step = candidate;
            if (Math.ceil(maxGib / candidate) <= maxTicks) break;
        }
        double axisMax = Math.max(step, Math.ceil(maxGib / step) * step);

        double gpuTop = MARGIN;
        List<LegendItem> legend = new ArrayList<>();
        double x = plotLeft;
        int line = 0;
        List<Segment> services = bars.services();
        for (int i = 0; i <= services.size(); i++) {
            boolean free = i == services.size();
            String text = free ? "free " + gib(bars.freeBytes()) : services.get(i).name() + " " + gib(services.get(i).bytes());
            double w = 18 + TextWidth.SANS.of(text, SMALL);
            if (x + w > WIDTH - MARGIN && x > plotLeft) {
                line++;
                x = plotLeft;
            }
            legend.add(new LegendItem(text, free ? FREE_FILL : SERVICE_COLOURS.get(i % SERVICE_COLOURS.size()), free ? FIT : "none", x, line));
            x += w + 22;
        }
        int legendLines = line + 1;
        // The capacity and free lines, with their labels on two lines of their own, run under the
        // legend only across the configurations, so that no line crosses the legend's text.
        double headerTop = gpuTop + GPU_BAR + 6 + legendLines * LEGEND_LINE + 6;
        double configTop = headerTop + 2 * HEADER_LINE + 2;
        double axisY = configTop + bars.configurations().size() * ROW + 4;
        double height = Math.ceil(axisY + AXIS_LABELS + MARGIN / 2);
        return new Layout(nameWidth, plotLeft, plotRight, markerLeft, axisMax, step, headerTop, gpuTop, legend, legendLines,
                configTop, axisY, height);
    }

    private static String usage(MemoryBars bars) {
        return gib(bars.usedBytes()) + " in use, " + gib(bars.freeBytes()) + " free";
    }

    // ---- drawing

    private static void grid(Layout l, Svg svg) {
        svg.open("g", "class", "fc-axis");
        for (int i = 0; i * l.stepGib() <= l.axisMaxGib() + 1e-9; i++) {
            double gib = i * l.stepGib();
            double x = l.xGib(gib);
            svg.leaf("line", "x1", Svg.n(x), "y1", Svg.n(l.gpuTop() - 4), "x2", Svg.n(x), "y2", Svg.n(l.axisY() + 5),
                    "stroke", i == 0 ? MUTED : GRID, "stroke-width", "1");
            svg.text("text", number(gib), "class", "fc-tick-label", "x", Svg.n(x), "y", Svg.n(l.axisY() + 19), "text-anchor", "middle",
                    "font-size", Svg.n(SMALL), "fill", TEXT);
        }
        svg.leaf("line", "x1", Svg.n(l.plotLeft()), "y1", Svg.n(l.axisY()), "x2", Svg.n(l.plotRight()), "y2", Svg.n(l.axisY()),
                "stroke", MUTED, "stroke-width", "1");
        double lastLabelRight = l.plotRight() + TextWidth.SANS.of(number(l.axisMaxGib()), SMALL) / 2;
        svg.text("text", "GiB", "x", Svg.n(lastLabelRight + 8), "y", Svg.n(l.axisY() + 19), "font-size", Svg.n(SMALL), "fill", MUTED);
        svg.close("g");
    }

    private static String number(double gib) {
        if (gib == Math.rint(gib)) return Long.toString((long) gib);
        return String.format(Locale.ROOT, "%.2f", gib).replaceAll("0+$", "");
    }

    private static void gpuRow(MemoryBars bars, Layout l, Svg svg) {
        svg.open("g", "class", "fc-gpu");
        double y = l.gpuTop();
        double textY = y + GPU_BAR / 2 + 4.5;
        nameLabel(bars.gpu(), l, textY, true, svg);
        double x = l.plotLeft();
        List<Segment> services = bars.services();
        for (int i = 0; i < services.size(); i++) {
            Segment s = services.get(i);
            double x1 = l.x(bars.usedBytes() - services.subList(i + 1, services.size()).stream().mapToLong(Segment::bytes).sum());
            svg.open("rect", "class", "fc-service", "x", Svg.n(x), "y", Svg.n(y), "width", Svg.n(x1 - x), "height", Svg.n(GPU_BAR),
                    "fill", SERVICE_COLOURS.get(i % SERVICE_COLOURS.size()), "stroke", "#ffffff", "stroke-width", "1");
            svg.text("title", s.name() + ": " + gib(s.bytes()));
            svg.close("rect");
            x = x1;
        }
        double capX = l.x(bars.capacityBytes());
        if (capX > x) {
            svg.open("rect", "class", "fc-free", "x", Svg.n(x), "y", Svg.n(y), "width", Svg.n(capX - x), "height", Svg.n(GPU_BAR),
                    "fill", FREE_FILL, "stroke", FIT, "stroke-width", "1");
            svg.text("title", "free now: " + gib(bars.freeBytes()));
            svg.close("rect");
        }
        svg.leaf("rect", "x", Svg.n(l.plotLeft()), "y", Svg.n(y), "width", Svg.n(capX - l.plotLeft()), "height", Svg.n(GPU_BAR),
                "fill", "none", "stroke", TEXT, "stroke-width", "1.5");
        svg.text("text", usage(bars), "class", "fc-usage", "x", Svg.n(l.markerLeft()), "y", Svg.n(textY), "font-size", Svg.n(SMALL),
                "fill", TEXT);
        for (LegendItem item : l.legend()) {
            double ly = y + GPU_BAR + 6 + item.line() * LEGEND_LINE;
            svg.leaf("rect", "x", Svg.n(item.x()), "y", Svg.n(ly + 4), "width", "12", "height", "12", "fill", item.fill(),
                    "stroke", item.stroke(), "stroke-width", "1");
            svg.text("text", item.text(), "class", "fc-legend", "x", Svg.n(item.x() + 18), "y", Svg.n(ly + 14.5),
                    "font-size", Svg.n(SMALL), "fill", TEXT, "stroke", "#ffffff", "stroke-width", "4", "stroke-linejoin", "round",
                    "paint-order", "stroke");
        }
        svg.close("g");
    }

    private static void configurationRow(MemoryBars bars, Configuration c, Layout l, double top, Svg svg) {
        svg.open("g", "class", "fc-configuration");
        double textY = top + ROW / 2 + 4.5;
        nameLabel(c.name(), l, textY, false, svg);
        double barY = top + (ROW - CONFIG_BAR) / 2;
        double x1 = Math.max(l.x(c.needBytes()), l.plotLeft() + 2);
        String colour = c.fitsNow() ? FIT : NO_FIT;
        svg.open("rect", "class", c.fitsNow() ? "fc-need fc-fits" : "fc-need fc-no-fit", "x", Svg.n(l.plotLeft()), "y", Svg.n(barY),
                "width", Svg.n(x1 - l.plotLeft()), "height", Svg.n(CONFIG_BAR), "rx", "2", "fill", colour);
        svg.text("title", c.name() + " needs " + gib(c.needBytes()));
        svg.close("rect");
        // A white halo keeps the figure legible where the capacity or free line runs under it.
        svg.text("text", gib(c.needBytes()), "class", "fc-need-label", "x", Svg.n(x1 + 6), "y", Svg.n(textY), "font-size", Svg.n(SMALL),
                "font-weight", "bold", "fill", TEXT, "stroke", "#ffffff", "stroke-width", "4", "stroke-linejoin", "round",
                "paint-order", "stroke");
        double ix = l.markerLeft() + 7;
        double iy = textY - 4.5;
        if (c.fitsNow()) {
            svg.leaf("circle", "cx", Svg.n(ix), "cy", Svg.n(iy), "r", "7", "fill", FIT);
            svg.leaf("path", "d", "M" + Svg.n(ix - 3.5) + " " + Svg.n(iy) + " l2.5 2.5 l4.5 -5", "stroke", "#ffffff",
                    "stroke-width", "2", "fill", "none", "stroke-linecap", "round", "stroke-linejoin", "round");
        } else {
            svg.leaf("circle", "cx", Svg.n(ix), "cy", Svg.n(iy), "r", "7", "fill", NO_FIT);
            svg.leaf("path", "d", "M" + Svg.n(ix - 3) + " " + Svg.n(iy - 3) + " l6 6 M" + Svg.n(ix + 3) + " " + Svg.n(iy - 3) + " l-6 6",
                    "stroke", "#ffffff", "stroke-width", "2", "fill", "none", "stroke-linecap", "round");
        }
        svg.text("text", verdict(bars, c), "class", c.fitsNow() ? "fc-verdict fc-fits" : "fc-verdict fc-no-fit",
                "x", Svg.n(l.markerLeft() + 22), "y", Svg.n(textY), "fill", c.fitsNow() ? FIT : NO_FIT, "font-weight", "bold");
        svg.close("g");
    }

    private static void nameLabel(String name, Layout l, double y, boolean bold, Svg svg) {
        TextWidth font = bold ? TextWidth.BOLD : TextWidth.SANS;
        String shown = font.shorten(name, l.nameWidth(), FONT);
        String[] attributes = bold
                ? new String[] {"class", "fc-name", "x", Svg.n(MARGIN), "y", Svg.n(y), "font-weight", "bold", "fill", TEXT}
                : new String[] {"class", "fc-name", "x", Svg.n(MARGIN), "y", Svg.n(y), "fill", TEXT};
        if (shown.equals(name)) svg.text("text", shown, attributes);
        else svg.textWithTitle(shown, name, attributes);
    }

    /** The capacity line and the free-now line across the configurations, each labelled on a line of its own above them. */
    private static void lines(MemoryBars bars, Layout l, Svg svg) {
        svg.open("g", "class", "fc-lines");
        double capX = l.x(bars.capacityBytes());
        double freeX = l.x(bars.freeBytes());
        svg.leaf("line", "class", "fc-capacity", "x1", Svg.n(capX), "y1", Svg.n(l.headerTop() + 4), "x2", Svg.n(capX),
                "y2", Svg.n(l.axisY()), "stroke", TEXT, "stroke-width", "2");
        headerLabel("capacity " + gib(bars.capacityBytes()), capX, l.headerTop() + 13, TEXT, true, svg);
        if (!bars.configurations().isEmpty()) {
            svg.leaf("line", "class", "fc-free-line", "x1", Svg.n(freeX), "y1", Svg.n(l.headerTop() + HEADER_LINE + 4), "x2", Svg.n(freeX),
                    "y2", Svg.n(l.axisY()), "stroke", FIT, "stroke-width", "2", "stroke-dasharray", "6 4");
            headerLabel("free now " + gib(bars.freeBytes()), freeX, l.headerTop() + HEADER_LINE + 13, FIT, false, svg);
        }
        svg.close("g");
    }

    /**
     * A line's label beside the line, on its preferred side when that stays in the drawing. The
     * capacity label prefers the right and the free label the left: the free line is never right
     * of the capacity line, so neither label is crossed by the other line.
     */
    private static void headerLabel(String text, double x, double y, String colour, boolean preferRight, Svg svg) {
        double w = TextWidth.BOLD.of(text, SMALL);
        double right = x + 6;
        double left = x - 6 - w;
        boolean rightFits = right + w <= WIDTH - MARGIN;
        boolean leftFits = left >= MARGIN;
        double start = preferRight ? (rightFits || !leftFits ? right : left) : (leftFits || !rightFits ? left : right);
        svg.text("text", text, "class", "fc-line-label", "x", Svg.n(start), "y", Svg.n(y), "font-size", Svg.n(SMALL),
                "font-weight", "bold", "fill", colour, "stroke", "#ffffff", "stroke-width", "4", "stroke-linejoin", "round",
                "paint-order", "stroke");
    }
}
