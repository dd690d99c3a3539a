package dev.fitcheck.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * A tree-sitter parse of one Python source, with the source bytes it indexes into. Closing it
 * frees the native tree. Parsers are not thread-safe, so each thread keeps its own.
 */
public final class SyntaxTree implements AutoCloseable {

    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(new TreeSitterPython());
        return p;
    });

    private final byte[] source;
    private final TSTree tree;
    private int[] lineStarts;

    private SyntaxTree(byte[] source, TSTree tree) {
        this.source = source;
        this.tree = tree;
    }

    public static SyntaxTree parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // The bytes themselves, through a reader: parseString hands tree-sitter JNI's modified UTF-8,
        // which writes a character outside the BMP (an emoji) as six bytes, not four, so every node
        // after one would index past the real UTF-8 text.
        byte[] buffer = new byte[Math.max(1, Math.min(bytes.length, 64 * 1024))];
        TSTree tree = PARSER.get().parse(buffer, null, (buf, offset, position) -> {
            int count = Math.min(buf.length, bytes.length - offset);
            if (count <= 0) {
                return 0;
            }
            System.arraycopy(bytes, offset, buf, 0, count);
            return count;
        }, TSInputEncoding.TSInputEncodingUTF8);
        return new SyntaxTree(bytes, tree);
    }

    public TSNode root() {
        return tree.getRootNode();
    }

    /** The source text a node spans. */
    public String text(TSNode node) {
        return new String(source, node.getStartByte(), node.getEndByte() - node.getStartByte(), StandardCharsets.UTF_8);
    }

    /**
     * The import statements ({@code import a}, {@code from a import b}) anywhere in the file, in
     * order: found from the keyword {@code import} in the text (each statement has exactly one)
     * and the statement tree-sitter puts around it, which costs a few JNI calls per import where a
     * walk or a query over the whole tree costs one per node.
     */
    public List<TSNode> importStatements() {
        List<TSNode> out = new ArrayList<>();
        TSNode root = tree.getRootNode();
        for (int[] at : wordsAt(List.of("import"))) {
            TSNode statement = root.getNamedDescendantForByteRange(at[0], at[1]);
            if (statement.isNull()) continue;
            String type = Grammar.type(statement);
            if (type.equals("import_statement") || type.equals("import_from_statement")) out.add(statement);
        }
        return out;
    }

    /**
     * Byte spans {@code [start, end)} where one of {@code words} stands as a whole word in the
     * source text (in code, strings or comments alike: the caller asks the tree what is there).
     * Words are compared as UTF-8 bytes, so the spans are the byte offsets tree-sitter uses.
     */
    public List<int[]> wordsAt(Collection<String> words) {
        return wordsAt(words, 0, source.length);
    }

    /** {@link #wordsAt(Collection)} within the bytes {@code [from, to)}. */
    public List<int[]> wordsAt(Collection<String> words, int from, int to) {
        List<int[]> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        Set<ByteWord> wanted = new HashSet<>();
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            wanted.add(new ByteWord(b, 0, b.length));
        }
        byte[] src = source;
        int i = from;
        while (i > 0 && i < src.length && wordByte(src[i - 1]) && wordByte(src[i])) i++; // not from inside a word
        int end = Math.min(to, src.length);
        while (i < end) {
            if (!wordByte(src[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < end && wordByte(src[i])) i++;
            if (i < src.length && wordByte(src[i])) {
                while (i < src.length && wordByte(src[i])) i++;
                continue; // a word running past the range is not whole inside it
            }
            if (wanted.contains(new ByteWord(src, start, i))) out.add(new int[] {start, i});
        }
        return out;
    }

    /** Letters, digits, underscore, and every byte of a multi-byte UTF-8 character (Python allows them in names). */
    private static boolean wordByte(byte b) {
        return b < 0 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';
    }

    /** A run of bytes compared by content, without copying it out of the source. */
    private static final class ByteWord {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        ByteWord(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int k = from; k < to; k++) h = 31 * h + bytes[k];
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByteWord w && Arrays.equals(bytes, from, to, w.bytes, w.from, w.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The source text between two byte offsets. */
    public String text(int from, int to) {
        return new String(source, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * The attribute names that follow a name ending at byte {@code end} on the same line
     * ({@code .a .b}, spaces allowed around the dots): start and end of each name, in pairs. Empty
     * when no dot follows. The text only proposes; callers check the tree agrees.
     */
    public int[] dottedChain(int end) {
        int[] out = new int[8];
        int n = 0;
        int i = end;
        while (true) {
            int j = skipBlanks(i);
            if (j >= source.length || source[j] != '.') break;
            int k = skipBlanks(j + 1);
            int nameStart = k;
            while (k < source.length && wordByte(source[k])) k++;
            if (k == nameStart || (source[nameStart] >= '0' && source[nameStart] <= '9')) break;
            if (n + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
            out[n++] = nameStart;
            out[n++] = k;
            i = k;
        }
        return Arrays.copyOf(out, n);
    }

    /** The first offset from {@code i} on that is not a space or a tab. */
    public int skipBlanks(int i) {
        while (i < source.length && (source[i] == ' ' || source[i] == '\t')) i++;
        return i;
    }

    /** The byte after spaces and tabs from {@code i} on, or -1 at the end of the text. */
    public int byteAfterBlanks(int i) {
        int j = skipBlanks(i);
        return j < source.length ? source[j] : -1;
    }

    /** 1-based line of a byte offset, counted as tree-sitter counts rows (by '\n'). */
    public int lineOf(int offset) {
        int[] starts = lineStarts();
        int k = Arrays.binarySearch(starts, offset);
        return (k >= 0 ? k : -k - 2) + 1;
    }

    /** 1-based column of a byte offset, in bytes as tree-sitter counts it. */
    public int columnOf(int offset) {
        return offset - lineStarts()[lineOf(offset) - 1] + 1;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (byte b : source) if (b == '\n') count++;
            int[] starts = new int[count];
            int k = 1;
            for (int i = 0; i < source.length; i++) if (source[i] == '\n') starts[k++] = i + 1;
            lineStarts = starts;
        }
        return lineStarts;
    }

    /** 1-based line of a node's start. */
    public static int line(TSNode node) {
        return node.getStartPoint().getRow() + 1;
    }

    /** 1-based column of a node's start (in bytes, as tree-sitter counts). */
    public static int column(TSNode node) {
        return node.getStartPoint().getColumn() + 1;
    }

    @Override
    public void close() {
        tree.close();
    }
}
