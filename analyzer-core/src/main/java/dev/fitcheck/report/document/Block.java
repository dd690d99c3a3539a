package dev.fitcheck.report.document;

import java.util.List;

/** One block of a report document; renderers turn each kind into their format. */
public sealed interface Block {

    record Heading(int level, Text text, String anchor) implements Block {
    }

    record Paragraph(Text text) implements Block {
    }

    /** A table; {@code numeric} marks columns that are right-aligned. */
    record Table(List<Text> headers, List<List<Text>> rows, List<Boolean> numeric) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
            for (List<Text> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size() + " headers");
                }
            }
        }
    }

    record BulletList(List<Text> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }
    }

    record NumberedList(List<Text> items) implements Block {
        public NumberedList {
            items = List.copyOf(items);
        }
    }

    record CodeBlock(String language, String code) implements Block {
    }

    /** A chart: inline SVG for HTML; formats without pictures print {@code alt} instead. */
    record Chart(String title, String svg, String alt) implements Block {
    }
}
