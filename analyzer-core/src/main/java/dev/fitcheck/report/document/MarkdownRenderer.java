package dev.fitcheck.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub-flavoured Markdown that also reads well in a terminal: table columns are padded to a
 * common width, and charts become their text alternative.
 */
public final class MarkdownRenderer {

    public String render(Document doc) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(doc.title())).append("\n");
        for (Block block : doc.blocks()) {
            out.append('\n');
            if (block instanceof Block.Heading h) {
                out.append("#".repeat(Math.min(6, h.level()))).append(' ')
                    .append(inline(h.text())).append('\n');
            } else if (block instanceof Block.Paragraph p) {
                out.append(inline(p.text())).append('\n');
            } else if (block instanceof Block.Table t) {
                table(t, out);
            } else if (block instanceof Block.BulletList l) {
                l.items().forEach(i -> out.append("- ").append(indentContinuation(inline(i))).append('\n'));
            } else if (block instanceof Block.NumberedList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    out.append(i + 1).append(". ").append(indentContinuation(inline(l.items().get(i)))).append('\n');
                }
            } else if (block instanceof Block.CodeBlock c) {
                out.append("```").append(c.language()).append('\n').append(c.code())
                    .append(c.code().endsWith("\n") ? "" : "\n").append("```\n");
            } else if (block instanceof Block.Chart c) {
                out.append("_").append(escape(c.title())).append(":_ ")
                    .append(escape(c.alt())).append('\n');
            }
        }
        return out.toString();
    }

    private static String indentContinuation(String s) {
        return s.replace("\n", "\n  ");
    }

    private void table(Block.Table t, StringBuilder out) {
        List<String> headers = t.headers().stream().map(this::cell).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Text> row : t.rows()) {
            rows.add(row.stream().map(this::cell).toList());
        }
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, headers.get(c).codePointCount(0, headers.get(c).length()));
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        line(headers, width, t.numeric(), out);
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            boolean right = c < t.numeric().size() && t.numeric().get(c);
            out.append(' ').append("-".repeat(width[c] - (right ? 1 : 0))).append(right ? ":" : "").append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(row, width, t.numeric(), out);
        }
    }

    private static void line(List<String> cells, int[] width, List<Boolean> numeric, StringBuilder out) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            int pad = width[c] - s.codePointCount(0, s.length());
            boolean right = c < numeric.size() && numeric.get(c);
            out.append(' ').append(right ? " ".repeat(pad) + s : s + " ".repeat(pad)).append(" |");
        }
        out.append('\n');
    }

    private String cell(Text t) {
        return inline(t).replace("|", "\\|").replace("\n", " ");
    }

    static String inline(Text t) {
        StringBuilder sb = new StringBuilder();
        for (Text.Span s : t.spans()) {
            switch (s.style()) {
                case PLAIN -> sb.append(escape(s.text()));
                case STRONG -> sb.append("**").append(escape(s.text())).append("**");
                case CODE -> sb.append(codeSpan(s.text()));
                case LINK -> sb.append('[').append(escape(s.text())).append("](").append(s.href()).append(')');
            }
        }
        return sb.toString();
    }

    private static String codeSpan(String s) {
        String fence = s.contains("`") ? "``" : "`";
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /** Escapes what Markdown would otherwise read as markup inside plain text. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
