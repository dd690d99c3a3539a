package dev.fitcheck.report.document;

import java.util.List;

/**
 * One self-contained HTML page: inline CSS, charts as inline SVG, no scripts and no network
 * requests, so it opens from disk or an artifact store the same way.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            :root { color-scheme: light; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --head:#f6f8fa;
                    --ok:#1a7f37; --bad:#cf222e; --warn:#9a6700; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--fg);
                   font: 15px/1.55 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; }
            h1 { font-size: 28px; border-bottom: 1px solid var(--line); padding-bottom: 8px; }
            h2 { font-size: 22px; margin-top: 36px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
            h3 { font-size: 17px; margin-top: 24px; }
            code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3;
                   padding: 1px 5px; border-radius: 5px; }
            pre { background: #f6f8fa; padding: 12px 16px; border-radius: 6px; overflow-x: auto; }
            pre code { background: none; padding: 0; }
            table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; max-width: 100%; }
            th, td { border: 1px solid var(--line); padding: 6px 12px; vertical-align: top; text-align: left; }
            th { background: var(--head); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.num { white-space: nowrap; }
            figure { margin: 16px 0; }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
            svg { max-width: 100%; height: auto; }
            """;

    public String render(Document doc) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(doc.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(doc.title())).append("</h1>\n");
        for (Block block : doc.blocks()) {
            if (block instanceof Block.Heading h) {
                int level = Math.min(6, Math.max(2, h.level()));
                out.append("<h").append(level).append(" id=\"").append(escape(h.anchor())).append("\">")
                        .append(inline(h.text())).append("</h").append(level).append(">\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Block.Table t) {
                table(t, out);
            } else if (block instanceof Block.BulletList l) {
                list("ul", l.items(), out);
            } else if (block instanceof Block.NumberedList l) {
                list("ol", l.items(), out);
            } else if (block instanceof Block.CodeBlock c) {
                out.append("<pre><code>").append(escape(c.code())).append("</code></pre>\n");
            } else if (block instanceof Block.Chart c) {
                out.append("<figure>\n").append(c.svg()).append("\n<figcaption>")
                    .append(escape(c.title())).append("</figcaption>\n</figure>\n");
            }
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void list(String tag, List<Text> items, StringBuilder out) {
        out.append('<').append(tag).append(">\n");
        items.forEach(i -> out.append("<li>").append(inline(i).replace("\n", "<br>")).append("</li>\n"));
        out.append("</").append(tag).append(">\n");
    }

    private static void table(Block.Table t, StringBuilder out) {
        out.append("<table>\n<thead><tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            out.append(numeric(t, c) ? "<th class=\"num\">" : "<th>").append(inline(t.headers().get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Text> row : t.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(numeric(t, c) ? "<td class=\"num\">" : "<td>").append(inline(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static boolean numeric(Block.Table t, int c) {
        return c < t.numeric().size() && t.numeric().get(c);
    }

    static String inline(Text t) {
        StringBuilder sb = new StringBuilder();
        for (Text.Span s : t.spans()) {
            switch (s.style()) {
                case PLAIN -> sb.append(escape(s.text()));
                case STRONG -> sb.append("<strong>").append(escape(s.text())).append("</strong>");
                case CODE -> sb.append("<code>").append(escape(s.text())).append("</code>");
                // Links stay inside the page or are printed as text: the page must make no requests.
                case LINK -> sb.append(s.href().startsWith("#")
                        ? "<a href=\"" + escape(s.href()) + "\">" + escape(s.text()) + "</a>"
                        : escape(s.text()) + " (" + escape(s.href()) + ")");
            }
        }
        return sb.toString();
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
