package dev.fitcheck.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
    private WordIndex words;
    private Level topLevel;

    private SyntaxTree(byte[] source, TSTree tree) {
        this.source = source;
        this.tree = tree;
    }

    public static SyntaxTree parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SyntaxTree(bytes, parseUtf8(PARSER.get(), bytes, Math.min(bytes.length, 64 * 1024)));
    }

    /**
     * UTF-8 bytes parsed as they are, handed to tree-sitter {@code chunk} bytes at a time through a
     * reader: parseString hands it JNI's modified UTF-8, which writes a character outside the BMP
     * (an emoji) as six bytes, not four, so every node after one would index past the real text.
     */
    static TSTree parseUtf8(TSParser parser, byte[] bytes, int chunk) {
        byte[] buffer = new byte[Math.max(1, chunk)];
        return parser.parse(buffer, null, (buf, offset, position) -> {
            int count = Math.min(buf.length, bytes.length - offset);
            if (count <= 0) {
                return 0;
            }
            System.arraycopy(bytes, offset, buf, 0, count);
            return count;
        }, TSInputEncoding.TSInputEncodingUTF8);
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
        for (int[] at : wordsAt(List.of("import"))) {
            TSNode statement = namedNodeAt(at[0], at[1]);
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

    /**
     * {@link #wordsAt(Collection)} within the bytes {@code [from, to)}. The file's words are
     * found once (each asked-for word is then a hash compare per word of the range): callers ask
     * many times per file, for imports, defs, classes, and the names and members in each class.
     */
    public List<int[]> wordsAt(Collection<String> words, int from, int to) {
        List<int[]> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        WordIndex index = words();
        byte[][] wanted = new byte[words.size()][];
        int[] hashes = new int[words.size()];
        int k = 0;
        for (String w : words) {
            wanted[k] = w.getBytes(StandardCharsets.UTF_8);
            hashes[k] = WordIndex.hash(wanted[k], 0, wanted[k].length);
            k++;
        }
        long[] filter = new long[2]; // which of 128 hash buckets any wanted word falls in
        for (int h : hashes) filter[(h >>> 6) & 1] |= 1L << (h & 63);
        int end = Math.min(to, source.length);
        for (int i = index.firstAtOrAfter(from); i < index.count; i++) {
            int s = index.starts[i];
            int e = index.ends[i];
            if (e > end) break; // a word running past the range is not whole inside it
            int h = index.hashes[i];
            if ((filter[(h >>> 6) & 1] & (1L << (h & 63))) == 0) continue;
            for (int j = 0; j < wanted.length; j++) {
                if (hashes[j] == h && Arrays.equals(source, s, e, wanted[j], 0, wanted[j].length)) {
                    out.add(new int[] {s, e});
                    break;
                }
            }
        }
        return out;
    }

    private WordIndex words() {
        if (words == null) words = WordIndex.of(source);
        return words;
    }

    /** Letters, digits, underscore, and every byte of a multi-byte UTF-8 character (Python allows them in names). */
    private static boolean wordByte(byte b) {
        return b < 0 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';
    }

    /** Every maximal run of word bytes in the source: where it starts and ends, and a hash of its bytes. */
    private static final class WordIndex {
        int[] starts = new int[1024];
        int[] ends = new int[1024];
        int[] hashes = new int[1024];
        int count;

        static WordIndex of(byte[] src) {
            WordIndex w = new WordIndex();
            int i = 0;
            int n = src.length;
            while (i < n) {
                if (!wordByte(src[i])) {
                    i++;
                    continue;
                }
                int start = i;
                int h = 1;
                while (i < n && wordByte(src[i])) h = 31 * h + src[i++];
                w.add(start, i, h);
            }
            return w;
        }

        static int hash(byte[] b, int from, int to) {
            int h = 1;
            for (int k = from; k < to; k++) h = 31 * h + b[k];
            return h;
        }

        private void add(int start, int end, int hash) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            hashes[count++] = hash;
        }

        /** The first word that starts at or after {@code offset} (a word straddling it is not whole in a range from there). */
        int firstAtOrAfter(int offset) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < offset) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /**
     * What {@code root().getNamedDescendantForByteRange(start, end)} answers, asked from the
     * statement that holds the range: tree-sitter looks for the range by walking each level's
     * children in order, and at the top of a large module (or in a large class body) that is
     * hundreds of children on every call. The statements' spans are read once; the same rule
     * picks the child (the first whose end reaches past both ends of the range and whose start
     * is not after it), so the answer is the same node.
     */
    public TSNode namedNodeAt(int start, int end) {
        Level top = topLevel();
        int k = top.childHolding(start, end);
        if (k < 0) return tree.getRootNode().getNamedDescendantForByteRange(start, end);
        TSNode from = top.nodes[k];
        Level inner = top.inner(k);
        if (inner != null) {
            int j = inner.childHolding(start, end);
            if (j >= 0) from = inner.nodes[j];
        }
        return from.getNamedDescendantForByteRange(start, end);
    }

    private Level topLevel() {
        if (topLevel == null) topLevel = Level.of(tree.getRootNode());
        return topLevel;
    }

    /** The children of one node with their spans, and for large class definitions their body's. */
    private static final class Level {
        /** A class body is worth its own level once it is this large. */
        private static final int LARGE = 4096;
        final TSNode[] nodes;
        final int[] starts;
        final int[] ends;
        private Level[] inner;

        private Level(TSNode[] nodes, int[] starts, int[] ends) {
            this.nodes = nodes;
            this.starts = starts;
            this.ends = ends;
        }

        static Level of(TSNode parent) {
            int n = parent.getChildCount();
            TSNode[] nodes = new TSNode[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                nodes[i] = parent.getChild(i);
                starts[i] = nodes[i].getStartByte();
                ends[i] = nodes[i].getEndByte();
            }
            return new Level(nodes, starts, ends);
        }

        /** tree-sitter's choice of child for the range, when it is a named one; else -1. */
        int childHolding(int start, int end) {
            int reach = Math.max(end, start + 1);
            int lo = 0;
            int hi = ends.length;
            while (lo < hi) { // the first child whose end reaches the range's end and passes its start
                int mid = (lo + hi) >>> 1;
                if (ends[mid] < reach) lo = mid + 1;
                else hi = mid;
            }
            if (lo >= ends.length || starts[lo] > start || starts[lo] == ends[lo] || !nodes[lo].isNamed()) return -1;
            return lo;
        }

        /** The statements of the class body at child {@code k}, for a large class; else null. */
        Level inner(int k) {
            if (ends[k] - starts[k] < LARGE) return null;
            if (inner == null) inner = new Level[nodes.length];
            if (inner[k] == null) {
                TSNode body = classBody(nodes[k]);
                inner[k] = body == null ? EMPTY : Level.of(body);
            }
            return inner[k] == EMPTY ? null : inner[k];
        }

        private static final Level EMPTY = new Level(new TSNode[0], new int[0], new int[0]);

        private static TSNode classBody(TSNode statement) {
            TSNode def = statement;
            if (Grammar.type(def).equals("decorated_definition")) def = Grammar.field(def, "definition");
            if (def.isNull() || !Grammar.type(def).equals("class_definition")) return null;
            TSNode body = Grammar.field(def, "body");
            return body.isNull() ? null : body;
        }
    }

    /** The source's length in bytes. */
    public int length() {
        return source.length;
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
