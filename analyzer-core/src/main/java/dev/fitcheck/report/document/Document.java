package dev.fitcheck.report.document;

import java.util.ArrayList;
import java.util.List;

/** A report laid out as a sequence of blocks, independent of any output format. */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder heading(int level, String text) {
            blocks.add(new Block.Heading(level, Text.plain(text), anchor(text)));
            return this;
        }

        public Builder paragraph(Text text) {
            blocks.add(new Block.Paragraph(text));
            return this;
        }

        public Builder paragraph(String text) {
            return paragraph(Text.plain(text));
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder bullets(List<Text> items) {
            if (!items.isEmpty()) blocks.add(new Block.BulletList(items));
            return this;
        }

        public Builder numbered(List<Text> items) {
            if (!items.isEmpty()) blocks.add(new Block.NumberedList(items));
            return this;
        }

        public Builder code(String language, String code) {
            blocks.add(new Block.CodeBlock(language, code));
            return this;
        }

        public Document build() {
            return new Document(title, blocks);
        }

        /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
        static String anchor(String text) {
            return text.toLowerCase().replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-');
        }
    }
}
