package dev.fitcheck.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The function bodies of one file and the names each binds for itself. Python makes a name local
 * to a function wherever the function binds it (a parameter, an assignment, a loop target, an
 * import), so an import in one function does not reach another, and a module-level import does
 * not reach a function that binds the same name: {@code from peft import config} in one test
 * says nothing about the local variable {@code config} of the next.
 *
 * <p>Found from the word {@code def} in the text, like imports, and asked lazily: a name's local
 * bindings are looked for only in the functions where that name is used.
 */
final class FunctionScopes {

    /** A function's body, {@code [bodyStart, end)}: parameter defaults and decorators belong to the enclosing scope. */
    record Function(int index, int bodyStart, int end, TSNode node) {
        boolean contains(int offset) {
            return offset >= bodyStart && offset < end;
        }
    }

    /** Wrappers a binding target may sit in: {@code a, (b, c) = ...}, {@code for [x, y] in ...}. */
    private static final Set<String> TARGET_WRAPPERS = Set.of("pattern_list", "tuple_pattern", "list_pattern",
            "list_splat_pattern", "parenthesized_expression", "tuple", "list", "expression_list");

    private final SyntaxTree tree;
    private final List<Function> functions; // in order of their start
    private final Map<String, Boolean> local = new HashMap<>();

    private FunctionScopes(SyntaxTree tree, List<Function> functions) {
        this.tree = tree;
        this.functions = functions;
    }

    static FunctionScopes of(SyntaxTree tree) {
        List<Function> out = new ArrayList<>();
        for (int[] w : tree.wordsAt(List.of("def"))) {
            TSNode def = tree.namedNodeAt(w[0], w[1]);
            if (def.isNull() || !Grammar.type(def).equals("function_definition")) continue; // a string or comment
            TSNode body = Grammar.field(def, "body");
            if (body.isNull()) continue;
            out.add(new Function(out.size(), body.getStartByte(), def.getEndByte(), def));
        }
        return new FunctionScopes(tree, out);
    }

    /** The function bodies around {@code offset}, innermost first; empty at module level. */
    List<Function> enclosing(int offset) {
        List<Function> out = new ArrayList<>(2);
        for (Function f : functions) {
            if (f.bodyStart > offset) break;
            if (f.contains(offset)) out.add(0, f);
        }
        return out;
    }

    /** The innermost function body around {@code offset}, or null at module level. */
    Function innermost(int offset) {
        Function found = null;
        for (Function f : functions) {
            if (f.bodyStart > offset) break;
            if (f.contains(offset)) found = f;
        }
        return found;
    }

    /**
     * Whether {@code f} binds {@code name} for itself: as a parameter, or anywhere in its own body
     * (not a nested function's), unless it declares the name {@code global} or {@code nonlocal}.
     */
    boolean bindsLocally(Function f, String name) {
        return local.computeIfAbsent(f.index + " " + name, k -> findLocalBinding(f, name));
    }

    private boolean findLocalBinding(Function f, String name) {
        if (isParameter(Grammar.field(f.node, "parameters"), name)) return true;
        boolean bound = false;
        for (int[] w : tree.wordsAt(List.of(name), f.bodyStart, f.end)) {
            if (innermost(w[0]) != f) continue; // a nested function's own business
            TSNode id = tree.namedNodeAt(w[0], w[1]);
            if (id.isNull() || id.getStartByte() != w[0] || id.getEndByte() != w[1]
                    || !Grammar.type(id).equals("identifier")) {
                continue;
            }
            TSNode parent = id.getParent();
            if (parent.isNull()) continue;
            String type = Grammar.type(parent);
            if (type.equals("global_statement") || type.equals("nonlocal_statement")) return false;
            if (!bound && isBindingTarget(id, parent)) bound = true;
        }
        return bound;
    }

    private boolean isParameter(TSNode parameters, String name) {
        if (parameters.isNull()) return false;
        for (int i = 0; i < parameters.getNamedChildCount(); i++) {
            TSNode p = parameters.getNamedChild(i);
            TSNode id = switch (Grammar.type(p)) {
                case "identifier" -> p;
                case "default_parameter", "typed_default_parameter" -> Grammar.field(p, "name");
                default -> p.getNamedChildCount() > 0 ? p.getNamedChild(0) : p; // typed, *args, **kwargs
            };
            if (!id.isNull() && !Grammar.type(id).equals("identifier") && id.getNamedChildCount() > 0) {
                id = id.getNamedChild(0); // *args: (list_splat_pattern identifier)
            }
            if (!id.isNull() && Grammar.type(id).equals("identifier") && tree.text(id).equals(name)) return true;
        }
        return false;
    }

    /** Whether the identifier {@code id} is bound where it stands (its parent is {@code parent}). */
    private boolean isBindingTarget(TSNode id, TSNode parent) {
        TSNode child = id;
        TSNode p = parent;
        while (!p.isNull() && TARGET_WRAPPERS.contains(Grammar.type(p))) {
            child = p;
            p = p.getParent();
        }
        if (p.isNull()) return false;
        return switch (Grammar.type(p)) {
            case "assignment", "augmented_assignment", "for_statement", "for_in_clause" ->
                    TSNode.eq(Grammar.field(p, "left"), child);
            case "named_expression", "function_definition", "class_definition" ->
                    TSNode.eq(Grammar.field(p, "name"), child);
            case "as_pattern_target" -> true; // with ... as name, except ... as name
            case "as_pattern" -> TSNode.eq(Grammar.field(p, "alias"), child);
            case "aliased_import" -> TSNode.eq(Grammar.field(p, "alias"), child);
            case "dotted_name" -> importedName(p, child);
            default -> false;
        };
    }

    /** {@code import name}, {@code import name.sub} or {@code from m import name}: the name bound. */
    private static boolean importedName(TSNode dotted, TSNode first) {
        TSNode statement = dotted.getParent();
        if (statement.isNull() || !TSNode.eq(dotted.getNamedChild(0), first)) return false;
        return switch (Grammar.type(statement)) {
            case "import_statement" -> true;
            case "import_from_statement" -> !TSNode.eq(Grammar.field(statement, "module_name"), dotted)
                    && dotted.getNamedChildCount() == 1;
            default -> false;
        };
    }
}
