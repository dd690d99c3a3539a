package dev.fitcheck.python;

import java.util.HashMap;
import java.util.Map;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TreeSitterPython;

/**
 * tree-sitter-python's node types and fields, looked up once: asking a node for its type name or
 * a child by field name goes through JNI with a string each time, which showed in profiles.
 */
final class Grammar {

    private static final String[] TYPES;
    private static final Map<String, Integer> FIELDS = new HashMap<>();

    static {
        TSLanguage language = new TreeSitterPython();
        int count = language.symbolCount();
        TYPES = new String[count];
        for (int i = 0; i < count; i++) {
            String name = language.symbolName(i);
            TYPES[i] = name == null ? "" : name.intern();
        }
        for (int i = 1; i <= language.fieldCount(); i++) {
            String name = language.fieldNameForId(i);
            if (name != null) FIELDS.put(name, i);
        }
    }

    private Grammar() {
    }

    /** The node's type name ({@code "ERROR"} for an error node). */
    static String type(TSNode n) {
        int s = n.getSymbol();
        return s >= 0 && s < TYPES.length ? TYPES[s] : "ERROR";
    }

    /** The child in field {@code name}; a null node when absent. */
    static TSNode field(TSNode n, String name) {
        Integer id = FIELDS.get(name);
        if (id == null) throw new IllegalArgumentException("tree-sitter-python has no field '" + name + "'");
        return n.getChildByFieldId(id);
    }
}
