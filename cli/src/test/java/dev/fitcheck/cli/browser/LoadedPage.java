package dev.fitcheck.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A page loaded in {@link HeadlessChromium}: what it logged, threw and requested since it was
 * opened, read from the protocol's events, and a way to screenshot it or ask it a question.
 */
public final class LoadedPage {

    private final HeadlessChromium browser;
    private final String session;
    private final String url;
    private final int width;
    private final int from;

    LoadedPage(HeadlessChromium browser, String session, String url, int width, int from) {
        this.browser = browser;
        this.session = session;
        this.url = url;
        this.width = width;
        this.from = from;
    }

    public String url() {
        return url;
    }

    /** console.error and failed console.assert calls, and the browser's own error log entries (blocked loads, CSP, ...). */
    public List<String> consoleErrors() {
        return console(List.of("error", "assert"), "error");
    }

    public List<String> consoleWarnings() {
        return console(List.of("warning"), "warning");
    }

    private List<String> console(List<String> apiTypes, String logLevel) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : browser.events(session, from)) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    if (apiTypes.contains(p.path("type").asText())) {
                        List<String> args = new ArrayList<>();
                        p.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
                        out.add("console." + p.path("type").asText() + ": " + String.join(" ", args));
                    }
                }
                case "Log.entryAdded" -> {
                    JsonNode entry = p.path("entry");
                    if (logLevel.equals(entry.path("level").asText())) {
                        out.add(entry.path("source").asText() + ": " + entry.path("text").asText()
                                + (entry.hasNonNull("url") ? " (" + entry.get("url").asText() + ")" : ""));
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Uncaught exceptions and unhandled rejections. */
    public List<String> exceptions() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : browser.events(session, from)) {
            if ("Runtime.exceptionThrown".equals(e.path("method").asText())) {
                JsonNode d = e.path("params").path("exceptionDetails");
                String text = d.path("exception").path("description").asText(d.path("text").asText());
                out.add(text + " at " + d.path("url").asText() + ":" + (d.path("lineNumber").asInt() + 1));
            }
        }
        return out;
    }

    /** Every request the page made other than for its own file, in order. */
    public List<String> requests() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : browser.events(session, from)) {
            if ("Network.requestWillBeSent".equals(e.path("method").asText())) {
                String requested = e.path("params").path("request").path("url").asText();
                if (!requested.equals(url)) out.add(requested);
            }
        }
        return out;
    }

    /** The value of a JavaScript expression in the page, as JSON. */
    public JsonNode evaluate(String expression) throws IOException {
        ObjectNode params = HeadlessChromium.params().put("expression", expression).put("returnByValue", true);
        JsonNode result = browser.call("Runtime.evaluate", params, session);
        if (result.has("exceptionDetails")) {
            throw new IOException("evaluating " + expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Text in the page's inline SVG drawings that overlaps other text of the same drawing or runs
     * outside the drawing, measured by the browser with the fonts it really used; one line each.
     */
    public List<String> svgTextProblems() throws IOException {
        JsonNode problems = evaluate(SVG_TEXT_CHECK);
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.asText()));
        return out;
    }

    private static final String SVG_TEXT_CHECK = """
            (() => {
              const out = [];
              document.querySelectorAll('svg').forEach((svg, n) => {
                const vb = svg.viewBox.baseVal;
                const boxes = Array.from(svg.querySelectorAll('text')).map(t => ({ t: t.textContent, b: t.getBBox() }));
                boxes.forEach(({ t, b }) => {
                  if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
                    out.push(`svg ${n}: "${t}" leaves the drawing`);
                });
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].b, c = boxes[j].b;
                  // Boxes that only touch do not count; an overlap of 1 px or more does.
                  const dx = Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x);
                  const dy = Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y);
                  if (dx >= 1 && dy >= 1) out.push(`svg ${n}: "${boxes[i].t}" overlaps "${boxes[j].t}"`);
                }
              });
              return out;
            })()
            """;

    /** A PNG of the whole page, {@code width} pixels wide and as tall as its content. */
    public byte[] screenshot() throws IOException {
        JsonNode metrics = browser.call("Page.getLayoutMetrics", HeadlessChromium.params(), session);
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.path("contentSize");
        int height = (int) Math.ceil(size.path("height").asDouble());
        browser.call("Emulation.setDeviceMetricsOverride", HeadlessChromium.params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false), session);
        ObjectNode clip = HeadlessChromium.params().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        ObjectNode params = HeadlessChromium.params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = browser.call("Page.captureScreenshot", params, session);
        return Base64.getDecoder().decode(shot.path("data").asText());
    }
}
