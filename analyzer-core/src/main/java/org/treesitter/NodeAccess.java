package org.treesitter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Faster reads of tree-sitter nodes for fitcheck's summaries. Every public accessor of
 * {@link TSNode} in io.github.bonede:tree-sitter 0.26.6 makes two JNI calls (a null check, then
 * the call), at about 0.4 µs each; walking a library that way cost more than parsing it. This class
 * lives in the binding's package to call its protected static natives once each, and reads what a
 * tree-sitter node carries by value (start byte, start row, null id) from its fields, with no
 * native call at all. Those fields mirror tree-sitter's {@code TSNode} struct: {@code context[0]}
 * is the start byte, {@code context[1]} the start row, {@code id} null for a null node.
 *
 * <p>Pinned to the binding's layout: {@code ModuleParserTest} and the differential test fail if a
 * new version moves a field.
 */
public final class NodeAccess {

    private static final VarHandle START_BYTE;
    private static final VarHandle START_ROW;
    private static final VarHandle ID;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
            START_BYTE = l.findVarHandle(TSNode.class, "context0", int.class);
            START_ROW = l.findVarHandle(TSNode.class, "context1", int.class);
            ID = l.findVarHandle(TSNode.class, "idPtr", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NodeAccess() {
    }

    public static boolean isNull(TSNode n) {
        return (long) ID.get(n) == 0L;
    }

    public static int startByte(TSNode n) {
        return (int) START_BYTE.get(n);
    }

    public static int startRow(TSNode n) {
        return (int) START_ROW.get(n);
    }

    public static int endByte(TSNode n) {
        return TSParser.ts_node_end_byte(n);
    }

    public static int symbol(TSNode n) {
        return TSParser.ts_node_symbol(n);
    }

    public static int namedChildCount(TSNode n) {
        return TSParser.ts_node_named_child_count(n);
    }

    public static TSNode namedChild(TSNode n, int i) {
        return TSParser.ts_node_named_child(n, i);
    }

    public static int childCount(TSNode n) {
        return TSParser.ts_node_child_count(n);
    }

    public static TSNode child(TSNode n, int i) {
        return TSParser.ts_node_child(n, i);
    }

    public static String fieldNameForChild(TSNode n, int i) {
        return TSParser.ts_node_field_name_for_child(n, i);
    }

    public static TSNode childByFieldId(TSNode n, int fieldId) {
        return TSParser.ts_node_child_by_field_id(n, fieldId);
    }
}
