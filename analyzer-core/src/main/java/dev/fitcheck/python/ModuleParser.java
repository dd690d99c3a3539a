package dev.fitcheck.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * Reads one Python module into a {@link ModuleSummary} with tree-sitter; nothing is imported or
 * executed. A parser holds native state and is not thread-safe: keep one per thread and close it.
 *
 * <p>The rules, which the differential test's {@code ast} oracle applies the same way:
 * <ul>
 *   <li>module-level bindings count in every branch of if/elif/else, try/except/else/finally,
 *       for/while (with their else), with and match; names bound only under
 *       {@code if TYPE_CHECKING:} (or {@code typing.TYPE_CHECKING}) are type-only;
 *   <li>an annotation without a value ({@code x: int}) binds nothing at module level but is a
 *       class attribute; {@code except E as e} binds nothing (Python deletes it); walrus
 *       expressions and {@code global} statements in functions are not followed;
 *   <li>{@code import a.b} binds {@code a}; {@code import a.b as c} binds {@code c};
 *       {@code from __future__ import x} binds {@code x}.
 * </ul>
 */
public final class ModuleParser implements AutoCloseable {

    private final TSParser parser;
    private int skeletonFallbacks;

    public ModuleParser() {
        parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
    }

    /**
     * Summarises a module from its raw bytes (any PEP 263 encoding). A file that does not parse
     * yields what does parse plus a warning naming the first syntax error.
     */
    public ModuleSummary parse(String module, String file, boolean isPackage, byte[] raw) {
        SourceText text = SourceText.decode(raw, file);
        List<String> warnings = new ArrayList<>(text.warnings());
        SourceSkeleton skeleton = SourceSkeleton.of(text.utf8());
        TSTree tree = parse(skeleton.bytes());
        try {
            if (tree.getRootNode().hasError() && skeleton.elided()) {
                // The cut source must parse wherever the original does; when it does not, trust the original.
                tree.close();
                tree = null;
                skeleton = SourceSkeleton.identity(text.utf8());
                tree = parse(skeleton.bytes());
                if (!tree.getRootNode().hasError()) {
                    skeletonFallbacks++;
                }
            }
            TSNode root = tree.getRootNode();
            if (root.hasError()) {
                warnings.add(file + ":" + firstErrorLine(root, skeleton) + ": syntax error; names after it may be missing");
            }
            Walk walk = new Walk(skeleton, file);
            walk.statements(root, false);
            return walk.summary(module, file, isPackage, warnings);
        } finally {
            if (tree != null) {
                tree.close();
            }
        }
    }

    /** How many sources parsed cleanly only without body elision (a bug in the skeleton scan when not 0). */
    public int skeletonFallbacks() {
        return skeletonFallbacks;
    }

    private TSTree parse(byte[] bytes) {
        byte[] buffer = new byte[Math.max(1, bytes.length)];
        return parser.parse(buffer, null, (buf, offset, position) -> {
            int count = Math.min(buf.length, bytes.length - offset);
            if (count <= 0) {
                return 0;
            }
            System.arraycopy(bytes, offset, buf, 0, count);
            return count;
        }, TSInputEncoding.TSInputEncodingUTF8);
    }

    private static int firstErrorLine(TSNode root, SourceSkeleton skeleton) {
        TSNode node = root;
        outer:
        while (!node.isError() && !node.isMissing()) {
            int count = node.getChildCount();
            for (int i = 0; i < count; i++) {
                TSNode child = node.getChild(i);
                if (child.hasError() || child.isMissing()) {
                    node = child;
                    continue outer;
                }
            }
            break;
        }
        return skeleton.originalRowOf(node.getStartPoint().getRow()) + 1;
    }

    @Override
    public void close() {
        parser.close();
    }

    /** One pass over a tree, collecting the summary's parts. */
    private static final class Walk {
        private static final byte[] DEFINE_IMPORT_STRUCTURE = "define_import_structure(".getBytes(StandardCharsets.US_ASCII);
        private static final Set<String> PROPERTY_DECORATORS = Set.of(
                "property", "cached_property", "functools.cached_property", "abc.abstractproperty", "abstractproperty");

        final SourceSkeleton skeleton;
        final byte[] src;
        final String file;
        final List<BoundName> names = new ArrayList<>();
        final List<ClassSummary> classes = new ArrayList<>();
        final List<StarImport> stars = new ArrayList<>();
        LinkedHashSet<String> dunderAll;
        boolean dunderAllComplete = true;
        final Map<String, LinkedHashSet<String>> importStructure = new LinkedHashMap<>();
        final boolean mayDefineImportStructure;
        boolean definesImportStructure;

        Walk(SourceSkeleton skeleton, String file) {
            this.skeleton = skeleton;
            this.src = skeleton.bytes();
            this.file = file;
            this.mayDefineImportStructure = contains(src, DEFINE_IMPORT_STRUCTURE);
        }

        ModuleSummary summary(String module, String file, boolean isPackage, List<String> warnings) {
            Map<String, List<String>> structure = new LinkedHashMap<>();
            importStructure.forEach((k, v) -> structure.put(k, List.copyOf(v)));
            return new ModuleSummary(module, file, isPackage, names, classes,
                    Optional.ofNullable(dunderAll).map(List::copyOf), dunderAllComplete, stars,
                    new LazyExports(structure, definesImportStructure), warnings);
        }

        int line(TSNode n) {
            return skeleton.originalRowOf(n.getStartPoint().getRow()) + 1;
        }

        String text(TSNode n) {
            int start = n.getStartByte();
            return new String(src, start, n.getEndByte() - start, StandardCharsets.UTF_8);
        }

        // ---- module level -------------------------------------------------------------------

        void statements(TSNode block, boolean typeOnly) {
            int count = block.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                statement(block.getNamedChild(i), typeOnly);
            }
        }

        void statement(TSNode n, boolean typeOnly) {
            switch (n.getType()) {
                case "import_statement" -> importStatement(n, typeOnly);
                case "import_from_statement" -> importFrom(n, typeOnly);
                case "future_import_statement" -> futureImport(n, typeOnly);
                case "class_definition" -> classDefinition(n, typeOnly);
                case "function_definition" -> functionDefinition(n, typeOnly);
                case "decorated_definition" -> {
                    TSNode def = n.getChildByFieldName("definition");
                    if (!def.isNull()) statement(def, typeOnly);
                }
                case "expression_statement" -> expressionStatement(n, typeOnly);
                case "type_alias_statement" -> {
                    TSNode left = n.getChildByFieldName("left");
                    if (!left.isNull() && left.getNamedChildCount() > 0 && "identifier".equals(left.getNamedChild(0).getType())) {
                        bind(left.getNamedChild(0), NameKind.VARIABLE, typeOnly);
                    }
                }
                case "if_statement" -> ifStatement(n, typeOnly);
                case "try_statement" -> {
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode c = n.getNamedChild(i);
                        switch (c.getType()) {
                            case "block" -> statements(c, typeOnly);
                            case "except_clause", "except_group_clause", "finally_clause", "else_clause" ->
                                    clauseBlocks(c, typeOnly);
                            default -> { }
                        }
                    }
                }
                case "for_statement" -> {
                    bindTargets(n.getChildByFieldName("left"), typeOnly);
                    blockField(n, "body", typeOnly);
                    TSNode alt = n.getChildByFieldName("alternative");
                    if (!alt.isNull()) clauseBlocks(alt, typeOnly);
                }
                case "while_statement" -> {
                    blockField(n, "body", typeOnly);
                    TSNode alt = n.getChildByFieldName("alternative");
                    if (!alt.isNull()) clauseBlocks(alt, typeOnly);
                }
                case "with_statement" -> {
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode c = n.getNamedChild(i);
                        if ("with_clause".equals(c.getType())) withClause(c, typeOnly);
                    }
                    blockField(n, "body", typeOnly);
                }
                case "match_statement" -> {
                    TSNode body = n.getChildByFieldName("body");
                    if (!body.isNull()) {
                        int count = body.getNamedChildCount();
                        for (int i = 0; i < count; i++) {
                            TSNode c = body.getNamedChild(i);
                            if ("case_clause".equals(c.getType())) blockField(c, "consequence", typeOnly);
                        }
                    }
                }
                case "ERROR" -> statements(n, typeOnly);
                default -> { }
            }
        }

        void blockField(TSNode n, String field, boolean typeOnly) {
            TSNode b = n.getChildByFieldName(field);
            if (!b.isNull()) statements(b, typeOnly);
        }

        /** The blocks of an except/else/finally/elif clause, whichever field holds them. */
        void clauseBlocks(TSNode clause, boolean typeOnly) {
            int count = clause.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode c = clause.getNamedChild(i);
                if ("block".equals(c.getType())) statements(c, typeOnly);
            }
        }

        void ifStatement(TSNode n, boolean typeOnly) {
            boolean typeChecking = isTypeChecking(n.getChildByFieldName("condition"));
            blockField(n, "consequence", typeOnly || typeChecking);
            int count = n.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode c = n.getNamedChild(i);
                switch (c.getType()) {
                    case "elif_clause" -> blockField(c, "consequence",
                            typeOnly || isTypeChecking(c.getChildByFieldName("condition")));
                    case "else_clause" -> blockField(c, "body", typeOnly);
                    default -> { }
                }
            }
        }

        boolean isTypeChecking(TSNode cond) {
            if (cond.isNull()) return false;
            String type = cond.getType();
            if (!"identifier".equals(type) && !"attribute".equals(type)) return false;
            String t = text(cond);
            return t.equals("TYPE_CHECKING") || t.endsWith(".TYPE_CHECKING");
        }

        void withClause(TSNode clause, boolean typeOnly) {
            int count = clause.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode item = clause.getNamedChild(i);
                if (!"with_item".equals(item.getType())) continue;
                TSNode value = item.getChildByFieldName("value");
                if (!value.isNull() && "as_pattern".equals(value.getType())) {
                    TSNode alias = value.getChildByFieldName("alias");
                    if (!alias.isNull() && alias.getNamedChildCount() > 0) {
                        bindTargets(alias.getNamedChild(0), typeOnly);
                    }
                }
            }
        }

        void importStatement(TSNode n, boolean typeOnly) {
            int count = n.getChildCount();
            for (int i = 0; i < count; i++) {
                if (!"name".equals(n.getFieldNameForChild(i))) continue;
                TSNode c = n.getChild(i);
                if ("aliased_import".equals(c.getType())) {
                    String module = text(c.getChildByFieldName("name"));
                    TSNode alias = c.getChildByFieldName("alias");
                    addName(text(alias), NameKind.IMPORT, line(alias), typeOnly, new ImportSource(0, module, null), null);
                } else if ("dotted_name".equals(c.getType())) {
                    String first = text(c.getNamedChild(0));
                    addName(first, NameKind.IMPORT, line(c), typeOnly, new ImportSource(0, first, null), null);
                }
            }
        }

        void importFrom(TSNode n, boolean typeOnly) {
            TSNode moduleNode = n.getChildByFieldName("module_name");
            if (moduleNode.isNull()) return;
            int level = 0;
            String module;
            if ("relative_import".equals(moduleNode.getType())) {
                module = "";
                int count = moduleNode.getNamedChildCount();
                for (int i = 0; i < count; i++) {
                    TSNode c = moduleNode.getNamedChild(i);
                    if ("import_prefix".equals(c.getType())) level = c.getEndByte() - c.getStartByte();
                    else if ("dotted_name".equals(c.getType())) module = text(c);
                }
            } else {
                module = text(moduleNode);
            }
            int count = n.getChildCount();
            for (int i = 0; i < count; i++) {
                TSNode c = n.getChild(i);
                if ("wildcard_import".equals(c.getType())) {
                    stars.add(new StarImport(new ImportSource(level, module, null), line(c), typeOnly));
                    continue;
                }
                if (!"name".equals(n.getFieldNameForChild(i))) continue;
                importedName(c, level, module, typeOnly);
            }
        }

        void futureImport(TSNode n, boolean typeOnly) {
            int count = n.getChildCount();
            for (int i = 0; i < count; i++) {
                if ("name".equals(n.getFieldNameForChild(i))) importedName(n.getChild(i), 0, "__future__", typeOnly);
            }
        }

        void importedName(TSNode c, int level, String module, boolean typeOnly) {
            if ("aliased_import".equals(c.getType())) {
                String name = text(c.getChildByFieldName("name"));
                TSNode alias = c.getChildByFieldName("alias");
                addName(text(alias), NameKind.IMPORT, line(alias), typeOnly, new ImportSource(level, module, name), null);
            } else if ("dotted_name".equals(c.getType())) {
                String name = text(c);
                addName(name, NameKind.IMPORT, line(c), typeOnly, new ImportSource(level, module, name), null);
            }
        }

        void functionDefinition(TSNode n, boolean typeOnly) {
            TSNode name = n.getChildByFieldName("name");
            if (name.isNull()) return;
            addName(text(name), NameKind.FUNCTION, line(name), typeOnly, null, parameters(n.getChildByFieldName("parameters")));
        }

        void classDefinition(TSNode n, boolean typeOnly) {
            TSNode name = n.getChildByFieldName("name");
            if (name.isNull()) return;
            addName(text(name), NameKind.CLASS, line(name), typeOnly, null, null);
            List<String> bases = new ArrayList<>();
            TSNode sup = n.getChildByFieldName("superclasses");
            if (!sup.isNull()) {
                int count = sup.getNamedChildCount();
                for (int i = 0; i < count; i++) {
                    TSNode b = sup.getNamedChild(i);
                    String t = b.getType();
                    if (!"keyword_argument".equals(t) && !"comment".equals(t) && !"dictionary_splat".equals(t)) {
                        bases.add(text(b));
                    }
                }
            }
            List<ClassMember> members = new ArrayList<>();
            TSNode body = n.getChildByFieldName("body");
            if (!body.isNull()) classBody(body, members);
            classes.add(new ClassSummary(text(name), line(name), typeOnly, bases, members));
        }

        void expressionStatement(TSNode n, boolean typeOnly) {
            int count = n.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode e = n.getNamedChild(i);
                switch (e.getType()) {
                    case "assignment" -> assignment(e, typeOnly);
                    case "augmented_assignment" -> augmented(e, typeOnly);
                    case "call" -> call(e);
                    default -> { }
                }
                if (mayDefineImportStructure && !definesImportStructure) {
                    definesImportStructure = callsDefineImportStructure(e, 0);
                }
            }
        }

        void assignment(TSNode a, boolean typeOnly) {
            TSNode right = a.getChildByFieldName("right");
            if (right.isNull()) {
                return; // a bare annotation binds nothing at module level
            }
            TSNode left = a.getChildByFieldName("left");
            bindTargets(left, typeOnly);
            if ("identifier".equals(left.getType())) {
                String name = text(left);
                if (name.equals("__all__")) {
                    addToAll(right);
                } else if (name.equals("_import_structure") && "dictionary".equals(right.getType())) {
                    mergeStructure(right);
                }
            } else if ("subscript".equals(left.getType())) {
                String key = structureKey(left);
                if (key != null) {
                    addStructureNames(key, right);
                }
            }
            if ("assignment".equals(right.getType())) {
                assignment(right, typeOnly); // a = b = value
            }
        }

        void augmented(TSNode a, boolean typeOnly) {
            TSNode left = a.getChildByFieldName("left");
            if (!"identifier".equals(left.getType())) return;
            bind(left, NameKind.VARIABLE, typeOnly);
            TSNode op = a.getChildByFieldName("operator");
            if (text(left).equals("__all__") && !op.isNull() && "+=".equals(op.getType())) {
                addToAll(a.getChildByFieldName("right"));
            }
        }

        /** {@code __all__.append/extend(...)}, {@code _import_structure["k"].extend/append(...)}, {@code _import_structure.update({...})}. */
        void call(TSNode c) {
            TSNode fn = c.getChildByFieldName("function");
            if (!"attribute".equals(fn.getType())) return;
            TSNode object = fn.getChildByFieldName("object");
            String method = text(fn.getChildByFieldName("attribute"));
            TSNode args = c.getChildByFieldName("arguments");
            if (args.isNull() || !"argument_list".equals(args.getType()) || args.getNamedChildCount() != 1) return;
            TSNode arg = args.getNamedChild(0);
            if ("identifier".equals(object.getType())) {
                String target = text(object);
                if (target.equals("__all__")) {
                    if (method.equals("append")) {
                        String s = stringLiteral(arg);
                        if (s != null) allSet().add(s);
                        else dunderAllComplete = false;
                    } else if (method.equals("extend")) {
                        addToAll(arg);
                    }
                } else if (target.equals("_import_structure") && method.equals("update") && "dictionary".equals(arg.getType())) {
                    mergeStructure(arg);
                }
            } else if ("subscript".equals(object.getType())) {
                String key = structureKey(object);
                if (key == null) return;
                if (method.equals("append")) {
                    String s = stringLiteral(arg);
                    if (s != null) importStructure.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(s);
                } else if (method.equals("extend")) {
                    addStructureNames(key, arg);
                }
            }
        }

        /** {@code "k"} in {@code _import_structure["k"]}, or null. */
        String structureKey(TSNode subscript) {
            TSNode value = subscript.getChildByFieldName("value");
            if (value.isNull() || !"identifier".equals(value.getType()) || !text(value).equals("_import_structure")) {
                return null;
            }
            TSNode key = subscript.getChildByFieldName("subscript");
            return key.isNull() ? null : stringLiteral(key);
        }

        void mergeStructure(TSNode dict) {
            int count = dict.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode pair = dict.getNamedChild(i);
                if (!"pair".equals(pair.getType())) continue;
                String key = stringLiteral(pair.getChildByFieldName("key"));
                if (key != null) addStructureNames(key, pair.getChildByFieldName("value"));
            }
        }

        void addStructureNames(String key, TSNode list) {
            if (list.isNull()) return;
            String t = list.getType();
            if (!"list".equals(t) && !"tuple".equals(t)) return; // computed (dummy objects): no static names
            Set<String> set = importStructure.computeIfAbsent(key, k -> new LinkedHashSet<>());
            int count = list.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                String s = stringLiteral(list.getNamedChild(i));
                if (s != null) set.add(s);
            }
        }

        LinkedHashSet<String> allSet() {
            if (dunderAll == null) dunderAll = new LinkedHashSet<>();
            return dunderAll;
        }

        /** Adds a literal list/tuple, or a sum of them, to {@code __all__}; anything else makes it incomplete. */
        void addToAll(TSNode value) {
            Set<String> set = allSet();
            if (value.isNull()) {
                dunderAllComplete = false;
                return;
            }
            switch (value.getType()) {
                case "list", "tuple" -> {
                    int count = value.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode e = value.getNamedChild(i);
                        if ("comment".equals(e.getType())) continue;
                        String s = stringLiteral(e);
                        if (s != null) set.add(s);
                        else dunderAllComplete = false;
                    }
                }
                case "binary_operator" -> {
                    TSNode op = value.getChildByFieldName("operator");
                    if (!op.isNull() && "+".equals(op.getType())) {
                        addToAll(value.getChildByFieldName("left"));
                        addToAll(value.getChildByFieldName("right"));
                    } else {
                        dunderAllComplete = false;
                    }
                }
                case "parenthesized_expression" -> {
                    if (value.getNamedChildCount() == 1) addToAll(value.getNamedChild(0));
                    else dunderAllComplete = false;
                }
                default -> dunderAllComplete = false;
            }
        }

        /** The value of a plain string literal ({@code "x"}, {@code 'x'}), or null for anything else. */
        String stringLiteral(TSNode n) {
            if (n.isNull() || !"string".equals(n.getType())) return null;
            int count = n.getChildCount();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                TSNode c = n.getChild(i);
                switch (c.getType()) {
                    case "string_start" -> {
                        String start = text(c);
                        for (int k = 0; k < start.length(); k++) {
                            char ch = Character.toLowerCase(start.charAt(k));
                            if (ch == 'f' || ch == 'b' || ch == 't') return null;
                        }
                    }
                    case "string_content" -> sb.append(text(c));
                    case "string_end" -> { }
                    default -> { return null; } // interpolation or escape: not a plain identifier
                }
            }
            return sb.toString();
        }

        boolean callsDefineImportStructure(TSNode n, int depth) {
            if (depth > 12) return false;
            if ("call".equals(n.getType())) {
                TSNode fn = n.getChildByFieldName("function");
                if (!fn.isNull()) {
                    String t = text(fn);
                    if (t.equals("define_import_structure") || t.endsWith(".define_import_structure")) return true;
                }
            }
            if ("dictionary".equals(n.getType()) || "list".equals(n.getType()) || "string".equals(n.getType())) {
                return false;
            }
            int count = n.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                if (callsDefineImportStructure(n.getNamedChild(i), depth + 1)) return true;
            }
            return false;
        }

        // ---- bindings -----------------------------------------------------------------------

        void bindTargets(TSNode t, boolean typeOnly) {
            if (t.isNull()) return;
            switch (t.getType()) {
                case "identifier" -> bind(t, NameKind.VARIABLE, typeOnly);
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> {
                    int count = t.getNamedChildCount();
                    for (int i = 0; i < count; i++) bindTargets(t.getNamedChild(i), typeOnly);
                }
                case "list_splat_pattern", "list_splat", "parenthesized_expression" -> {
                    if (t.getNamedChildCount() > 0) bindTargets(t.getNamedChild(0), typeOnly);
                }
                default -> { } // attribute or subscript targets bind no module-level name
            }
        }

        void bind(TSNode identifier, NameKind kind, boolean typeOnly) {
            addName(text(identifier), kind, line(identifier), typeOnly, null, null);
        }

        void addName(String name, NameKind kind, int line, boolean typeOnly, ImportSource source, Parameters signature) {
            names.add(new BoundName(name, kind, line, typeOnly, source, signature));
        }

        // ---- class bodies -------------------------------------------------------------------

        void classBody(TSNode block, List<ClassMember> members) {
            int count = block.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                member(block.getNamedChild(i), members, List.of());
            }
        }

        void member(TSNode n, List<ClassMember> members, List<String> decorators) {
            switch (n.getType()) {
                case "function_definition" -> {
                    TSNode name = n.getChildByFieldName("name");
                    if (name.isNull()) return;
                    MemberKind kind = MemberKind.METHOD;
                    for (String d : decorators) {
                        if (PROPERTY_DECORATORS.contains(d) || d.endsWith(".setter") || d.endsWith(".getter")
                                || d.endsWith(".deleter")) {
                            kind = MemberKind.PROPERTY;
                        }
                    }
                    members.add(new ClassMember(text(name), kind, line(name), parameters(n.getChildByFieldName("parameters"))));
                }
                case "class_definition" -> {
                    TSNode name = n.getChildByFieldName("name");
                    if (!name.isNull()) members.add(new ClassMember(text(name), MemberKind.CLASS, line(name), null));
                }
                case "decorated_definition" -> {
                    List<String> ds = new ArrayList<>();
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode c = n.getNamedChild(i);
                        if ("decorator".equals(c.getType()) && c.getNamedChildCount() > 0) {
                            ds.add(text(c.getNamedChild(0)));
                        }
                    }
                    TSNode def = n.getChildByFieldName("definition");
                    if (!def.isNull()) member(def, members, ds);
                }
                case "expression_statement" -> {
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode e = n.getNamedChild(i);
                        if ("assignment".equals(e.getType())) memberAssignment(e, members);
                        else if ("augmented_assignment".equals(e.getType())) {
                            TSNode left = e.getChildByFieldName("left");
                            if ("identifier".equals(left.getType())) {
                                members.add(new ClassMember(text(left), MemberKind.ATTRIBUTE, line(left), null));
                            }
                        }
                    }
                }
                case "if_statement", "try_statement", "for_statement", "while_statement", "with_statement",
                        "elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause" -> {
                    if ("for_statement".equals(n.getType())) memberTargets(n.getChildByFieldName("left"), members);
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) {
                        TSNode c = n.getNamedChild(i);
                        if ("block".equals(c.getType())) classBody(c, members);
                        else if (c.getType().endsWith("_clause")) member(c, members, List.of());
                    }
                }
                case "ERROR" -> {
                    int count = n.getNamedChildCount();
                    for (int i = 0; i < count; i++) member(n.getNamedChild(i), members, List.of());
                }
                default -> { }
            }
        }

        void memberAssignment(TSNode a, List<ClassMember> members) {
            memberTargets(a.getChildByFieldName("left"), members); // annotated-only fields count: dataclass fields
            TSNode right = a.getChildByFieldName("right");
            if (!right.isNull() && "assignment".equals(right.getType())) memberAssignment(right, members);
        }

        void memberTargets(TSNode t, List<ClassMember> members) {
            if (t.isNull()) return;
            switch (t.getType()) {
                case "identifier" -> members.add(new ClassMember(text(t), MemberKind.ATTRIBUTE, line(t), null));
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> {
                    int count = t.getNamedChildCount();
                    for (int i = 0; i < count; i++) memberTargets(t.getNamedChild(i), members);
                }
                case "list_splat_pattern", "list_splat", "parenthesized_expression" -> {
                    if (t.getNamedChildCount() > 0) memberTargets(t.getNamedChild(0), members);
                }
                default -> { }
            }
        }

        // ---- parameters ---------------------------------------------------------------------

        Parameters parameters(TSNode params) {
            List<Parameter> out = new ArrayList<>();
            if (params.isNull()) return new Parameters(out);
            boolean keywordOnly = false;
            int count = params.getNamedChildCount();
            for (int i = 0; i < count; i++) {
                TSNode p = params.getNamedChild(i);
                String type = p.getType();
                switch (type) {
                    case "identifier" -> out.add(new Parameter(text(p), kw(keywordOnly), false));
                    case "default_parameter", "typed_default_parameter" -> {
                        TSNode name = p.getChildByFieldName("name");
                        if (!name.isNull()) out.add(new Parameter(text(name), kw(keywordOnly), true));
                    }
                    case "typed_parameter" -> {
                        TSNode inner = p.getNamedChild(0);
                        switch (inner.getType()) {
                            case "identifier" -> out.add(new Parameter(text(inner), kw(keywordOnly), false));
                            case "list_splat_pattern" -> {
                                out.add(new Parameter(splatName(inner), ParameterKind.VAR_POSITIONAL, false));
                                keywordOnly = true;
                            }
                            case "dictionary_splat_pattern" ->
                                    out.add(new Parameter(splatName(inner), ParameterKind.VAR_KEYWORD, false));
                            default -> { }
                        }
                    }
                    case "list_splat_pattern" -> {
                        out.add(new Parameter(splatName(p), ParameterKind.VAR_POSITIONAL, false));
                        keywordOnly = true;
                    }
                    case "dictionary_splat_pattern" -> out.add(new Parameter(splatName(p), ParameterKind.VAR_KEYWORD, false));
                    case "keyword_separator" -> keywordOnly = true;
                    case "positional_separator" -> {
                        for (int k = 0; k < out.size(); k++) {
                            Parameter q = out.get(k);
                            if (q.kind() == ParameterKind.POSITIONAL_OR_KEYWORD) {
                                out.set(k, new Parameter(q.name(), ParameterKind.POSITIONAL_ONLY, q.hasDefault()));
                            }
                        }
                    }
                    default -> { }
                }
            }
            return new Parameters(out);
        }

        private static ParameterKind kw(boolean keywordOnly) {
            return keywordOnly ? ParameterKind.KEYWORD_ONLY : ParameterKind.POSITIONAL_OR_KEYWORD;
        }

        String splatName(TSNode splat) {
            return splat.getNamedChildCount() > 0 ? text(splat.getNamedChild(0)) : "";
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                if (haystack[i] != needle[0]) continue;
                for (int k = 1; k < needle.length; k++) {
                    if (haystack[i + k] != needle[k]) continue outer;
                }
                return true;
            }
            return false;
        }
    }
}
