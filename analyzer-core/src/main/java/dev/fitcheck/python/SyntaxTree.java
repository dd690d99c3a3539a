package dev.fitcheck.python;

import java.nio.charset.StandardCharsets;
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

    private SyntaxTree(byte[] source, TSTree tree) {
        this.source = source;
        this.tree = tree;
    }

    public static SyntaxTree parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TSTree tree = PARSER.get().parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
        return new SyntaxTree(bytes, tree);
    }

    public TSNode root() {
        return tree.getRootNode();
    }

    /** The source text a node spans. */
    public String text(TSNode node) {
        return new String(source, node.getStartByte(), node.getEndByte() - node.getStartByte(), StandardCharsets.UTF_8);
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
