package dev.fitcheck.python;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.NodeAccess;
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
 *       {@code from __future__ import x} binds {@code x};
 *   <li>a def decorated with {@code deprecate_kwarg(OLD, VERSION, new_name=NEW)} (transformers'
 *       {@code transformers.utils.deprecation}, called by that name or as {@code x.deprecate_kwarg};
 *       OLD and NEW string literals, positional or by keyword) also accepts the keyword OLD, which
 *       the decorator passes on as NEW: recorded as a {@link Parameters.Alias} when the def, with
 *       the decorators below this one (innermost first), accepts NEW by keyword and the def's own
 *       parameters (or **kwargs) do not accept OLD already. Without {@code new_name} the decorator
 *       only warns and OLD reaches the def as it is, so nothing is added; with
 *       {@code raise_if_greater_or_equal_version} other than {@code False} OLD is refused from some
 *       release on, which the def's text cannot tell, so nothing is added either. Nothing is ever
 *       taken away. Other decorators are taken to pass keywords through.
 * </ul>
 */
public final class ModuleParser implements AutoCloseable {

    private final TSParser parser;
    private final ChunkCache cache;
    private int skeletonFallbacks;
    private long bytesParsed;

    /** A parser that parses every file whole. */
    public ModuleParser() {
        this(null);
    }

    /** A parser that reuses the summaries of statement runs it (or another parser of the cache) has seen. */
    public ModuleParser(ChunkCache cache) {
        this.cache = cache;
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
        ChunkSummary[] parts = skeleton.chunks() == null ? null : chunked(skeleton);
        if (parts != null) {
            return assemble(module, file, isPackage, skeleton, parts, warnings);
        }
        // the skeleton could not be made or did not parse: the original decides
        boolean triedSkeleton = skeleton.chunks() != null;
        skeleton = SourceSkeleton.identity(text.utf8());
        TSTree tree = parse(skeleton.bytes());
        try {
            TSNode root = tree.getRootNode();
            if (triedSkeleton && !root.hasError()) {
                skeletonFallbacks++;
            }
            if (root.hasError()) {
                warnings.add(file + ":" + (skeleton.originalRowOf(firstErrorRow(root)) + 1)
                        + ": syntax error; names after it may be missing");
            }
            Walk walk = new Walk(skeleton.bytes());
            walk.begin(0);
            walk.statements(root, false);
            ChunkSummary whole = walk.end();
            SourceSkeleton.Chunk all = new SourceSkeleton.Chunk(0, skeleton.bytes().length, 0);
            return assemble(module, file, isPackage, new SourceSkeleton(skeleton.bytes(), skeleton.originalRow(),
                    skeleton.elided(), new SourceSkeleton.Chunk[] {all}), new ChunkSummary[] {whole}, warnings);
        } finally {
            tree.close();
        }
    }

    /**
     * The summary of each chunk, from the cache or from one parse of the chunks it lacks joined
     * together (top-level statements parse the same alone as in their file). Null when those do
     * not parse cleanly: then the whole file is parsed as it is.
     */
    private ChunkSummary[] chunked(SourceSkeleton skeleton) {
        SourceSkeleton.Chunk[] chunks = skeleton.chunks();
        byte[] src = skeleton.bytes();
        ChunkSummary[] parts = new ChunkSummary[chunks.length];
        ChunkCache.Key[] keys = new ChunkCache.Key[chunks.length];
        int missingBytes = 0;
        int missing = 0;
        for (int k = 0; k < chunks.length; k++) {
            SourceSkeleton.Chunk c = chunks[k];
            if (cache != null) {
                keys[k] = key(src, c.start(), c.end());
                parts[k] = cache.get(keys[k]);
            }
            if (parts[k] == null) {
                missingBytes += c.end() - c.start();
                missing++;
            }
        }
        if (missing == 0) return parts;
        byte[] joined = new byte[missingBytes];
        int[] index = new int[missing];
        int[] joinedStart = new int[missing + 1];
        int[] joinedRow = new int[missing];
        int at = 0;
        int row = 0;
        int m = 0;
        for (int k = 0; k < chunks.length; k++) {
            if (parts[k] != null) continue;
            SourceSkeleton.Chunk c = chunks[k];
            int len = c.end() - c.start();
            System.arraycopy(src, c.start(), joined, at, len);
            index[m] = k;
            joinedStart[m] = at;
            joinedRow[m] = row;
            for (int i = c.start(); i < c.end(); i++) if (src[i] == '\n') row++;
            at += len;
            m++;
        }
        joinedStart[missing] = at;
        TSTree tree = parse(joined);
        try {
            TSNode root = tree.getRootNode();
            if (root.hasError()) return null;
            Walk walk = new Walk(joined);
            int current = -1;
            int count = NodeAccess.namedChildCount(root);
            for (int i = 0; i < count; i++) {
                TSNode statement = NodeAccess.namedChild(root, i);
                int startByte = NodeAccess.startByte(statement);
                int target = current < 0 ? 0 : current;
                while (target + 1 < missing && joinedStart[target + 1] <= startByte) target++;
                if (target != current) {
                    if (current >= 0) parts[index[current]] = walk.end();
                    for (int skipped = current + 1; skipped < target; skipped++) parts[index[skipped]] = ChunkSummaries.EMPTY;
                    walk.begin(joinedRow[target]);
                    current = target;
                }
                walk.statement(statement, false);
            }
            if (current >= 0) parts[index[current]] = walk.end();
            for (int k = 0; k < missing; k++) {
                if (parts[index[k]] == null) parts[index[k]] = ChunkSummaries.EMPTY;
                if (cache != null) cache.put(keys[index[k]], parts[index[k]]);
            }
            return parts;
        } finally {
            tree.close();
        }
    }

    private static ChunkCache.Key key(byte[] src, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(src, from, to - from);
            byte[] d = md.digest();
            return new ChunkCache.Key(ByteBuffer.wrap(d, 0, 8).getLong(), ByteBuffer.wrap(d, 8, 8).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module's summary from its chunks' parts, with rows mapped back to the file's lines. */
    private static ModuleSummary assemble(String module, String file, boolean isPackage, SourceSkeleton skeleton,
                                          ChunkSummary[] parts, List<String> warnings) {
        List<BoundName> names = new ArrayList<>();
        List<ClassSummary> classes = new ArrayList<>();
        List<StarImport> stars = new ArrayList<>();
        LinkedHashSet<String> all = null;
        boolean allComplete = true;
        Map<String, LinkedHashSet<String>> structure = new LinkedHashMap<>();
        boolean defines = false;
        SourceSkeleton.Chunk[] chunks = skeleton.chunks();
        for (int k = 0; k < parts.length; k++) {
            ChunkSummary p = parts[k];
            int base = chunks[k].row();
            for (BoundName b : p.names()) {
                names.add(new BoundName(b.name(), b.kind(), line(skeleton, base, b.line()), b.typeOnly(), b.source(), b.signature()));
            }
            for (ClassSummary c : p.classes()) {
                List<ClassMember> members = new ArrayList<>(c.members().size());
                for (ClassMember m : c.members()) {
                    members.add(new ClassMember(m.name(), m.kind(), line(skeleton, base, m.line()), m.signature()));
                }
                classes.add(new ClassSummary(c.name(), line(skeleton, base, c.line()), c.typeOnly(), c.bases(), members));
            }
            for (StarImport s : p.stars()) {
                stars.add(new StarImport(s.source(), line(skeleton, base, s.line()), s.typeOnly()));
            }
            if (p.dunderAll() != null) {
                if (all == null) all = new LinkedHashSet<>();
                all.addAll(p.dunderAll());
            }
            allComplete &= p.dunderAllComplete();
            p.importStructure().forEach((key, list) -> structure.computeIfAbsent(key, x -> new LinkedHashSet<>()).addAll(list));
            defines |= p.definesImportStructure();
        }
        Map<String, List<String>> lazy = new LinkedHashMap<>();
        structure.forEach((key, set) -> lazy.put(key, List.copyOf(set)));
        boolean getattr = false;
        for (BoundName b : names) {
            if (!b.typeOnly() && b.name().equals("__getattr__")) {
                getattr = true;
                break;
            }
        }
        return new ModuleSummary(module, file, isPackage, names, classes, Optional.ofNullable(all).map(List::copyOf),
                allComplete, stars, new LazyExports(lazy, defines, getattr), warnings);
    }

    /** A chunk-relative row to the file's 1-based line. */
    private static int line(SourceSkeleton skeleton, int chunkRow, int relativeRow) {
        return skeleton.originalRowOf(chunkRow + relativeRow) + 1;
    }

    /** How many sources parsed cleanly only without body elision (a bug in the skeleton scan when not 0). */
    public int skeletonFallbacks() {
        return skeletonFallbacks;
    }

    /** Bytes this parser has handed to tree-sitter. */
    public long bytesParsed() {
        return bytesParsed;
    }

    private TSTree parse(byte[] bytes) {
        bytesParsed += bytes.length;
        return SyntaxTree.parseUtf8(parser, bytes, bytes.length);
    }

    private static int firstErrorRow(TSNode root) {
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
        return node.getStartPoint().getRow();
    }

    @Override
    public void close() {
        parser.close();
    }

    /** The empty contribution of a chunk holding nothing the summary keeps. */
    private static final class ChunkSummaries {
        static final ChunkSummary EMPTY = new ChunkSummary(List.of(), List.of(), List.of(), null, true, Map.of(), false);
    }

    /** Walks statements into the contribution of one chunk at a time, rows relative to the chunk. */
    private static final class Walk {
        private static final byte[] DEFINE_IMPORT_STRUCTURE = "define_import_structure(".getBytes(StandardCharsets.US_ASCII);
        /**
         * Dicts of submodule to the names it provides lazily: transformers' {@code _import_structure},
         * and {@code _SUBMOD_ATTRS}, the name huggingface_hub and lazy_loader's users give the
         * {@code submod_attrs} of {@code attach(__name__, submodules=..., submod_attrs=...)}.
         */
        private static final Set<String> STRUCTURE_NAMES = Set.of("_import_structure", "_SUBMOD_ATTRS");
        private static final Set<String> PROPERTY_DECORATORS = Set.of(
                "property", "cached_property", "functools.cached_property", "abc.abstractproperty", "abstractproperty");

        final byte[] src;
        final boolean mayDefineImportStructure;
        int rowBase;
        List<BoundName> names;
        List<ClassSummary> classes;
        List<StarImport> stars;
        LinkedHashSet<String> dunderAll;
        boolean dunderAllComplete;
        Map<String, LinkedHashSet<String>> importStructure;
        boolean definesImportStructure;

        Walk(byte[] src) {
            this.src = src;
            this.mayDefineImportStructure = contains(src, DEFINE_IMPORT_STRUCTURE);
        }

        void begin(int rowBase) {
            this.rowBase = rowBase;
            names = new ArrayList<>();
            classes = new ArrayList<>();
            stars = new ArrayList<>();
            dunderAll = null;
            dunderAllComplete = true;
            importStructure = new LinkedHashMap<>();
            definesImportStructure = false;
        }

        ChunkSummary end() {
            Map<String, List<String>> structure = new LinkedHashMap<>();
            importStructure.forEach((k, v) -> structure.put(k, List.copyOf(v)));
            return new ChunkSummary(List.copyOf(names), List.copyOf(classes), List.copyOf(stars),
                    dunderAll == null ? null : List.copyOf(dunderAll), dunderAllComplete, structure, definesImportStructure);
        }

        /** The row of a node relative to the chunk being walked. */
        int line(TSNode n) {
            return NodeAccess.startRow(n) - rowBase;
        }

        String text(TSNode n) {
            int start = NodeAccess.startByte(n);
            return new String(src, start, NodeAccess.endByte(n) - start, StandardCharsets.UTF_8);
        }

        // ---- module level -------------------------------------------------------------------

        void statements(TSNode block, boolean typeOnly) {
            int count = NodeAccess.namedChildCount(block);
            for (int i = 0; i < count; i++) {
                statement(NodeAccess.namedChild(block, i), typeOnly);
            }
        }

        void statement(TSNode n, boolean typeOnly) {
            switch (Grammar.type(n)) {
                case "import_statement" -> importStatement(n, typeOnly);
                case "import_from_statement" -> importFrom(n, typeOnly);
                case "future_import_statement" -> futureImport(n, typeOnly);
                case "class_definition" -> classDefinition(n, typeOnly);
                case "function_definition" -> functionDefinition(n, List.of(), typeOnly);
                case "decorated_definition" -> {
                    TSNode def = Grammar.field(n, "definition");
                    if (NodeAccess.isNull(def)) break;
                    if ("function_definition".equals(Grammar.type(def))) functionDefinition(def, decorators(n), typeOnly);
                    else statement(def, typeOnly);
                }
                case "expression_statement" -> expressionStatement(n, typeOnly);
                case "type_alias_statement" -> {
                    TSNode left = Grammar.field(n, "left");
                    if (!NodeAccess.isNull(left) && NodeAccess.namedChildCount(left) > 0 && "identifier".equals(Grammar.type(NodeAccess.namedChild(left, 0)))) {
                        bind(NodeAccess.namedChild(left, 0), NameKind.VARIABLE, typeOnly);
                    }
                }
                case "if_statement" -> ifStatement(n, typeOnly);
                case "try_statement" -> {
                    int count = NodeAccess.namedChildCount(n);
                    for (int i = 0; i < count; i++) {
                        TSNode c = NodeAccess.namedChild(n, i);
                        switch (Grammar.type(c)) {
                            case "block" -> statements(c, typeOnly);
                            case "except_clause", "except_group_clause", "finally_clause", "else_clause" ->
                                    clauseBlocks(c, typeOnly);
                            default -> { }
                        }
                    }
                }
                case "for_statement" -> {
                    bindTargets(Grammar.field(n, "left"), typeOnly);
                    blockField(n, "body", typeOnly);
                    TSNode alt = Grammar.field(n, "alternative");
                    if (!NodeAccess.isNull(alt)) clauseBlocks(alt, typeOnly);
                }
                case "while_statement" -> {
                    blockField(n, "body", typeOnly);
                    TSNode alt = Grammar.field(n, "alternative");
                    if (!NodeAccess.isNull(alt)) clauseBlocks(alt, typeOnly);
                }
                case "with_statement" -> {
                    int count = NodeAccess.namedChildCount(n);
                    for (int i = 0; i < count; i++) {
                        TSNode c = NodeAccess.namedChild(n, i);
                        if ("with_clause".equals(Grammar.type(c))) withClause(c, typeOnly);
                    }
                    blockField(n, "body", typeOnly);
                }
                case "match_statement" -> {
                    TSNode body = Grammar.field(n, "body");
                    if (!NodeAccess.isNull(body)) {
                        int count = NodeAccess.namedChildCount(body);
                        for (int i = 0; i < count; i++) {
                            TSNode c = NodeAccess.namedChild(body, i);
                            if ("case_clause".equals(Grammar.type(c))) blockField(c, "consequence", typeOnly);
                        }
                    }
                }
                case "ERROR" -> statements(n, typeOnly);
                default -> { }
            }
        }

        void blockField(TSNode n, String field, boolean typeOnly) {
            TSNode b = Grammar.field(n, field);
            if (!NodeAccess.isNull(b)) statements(b, typeOnly);
        }

        /** The blocks of an except/else/finally/elif clause, whichever field holds them. */
        void clauseBlocks(TSNode clause, boolean typeOnly) {
            int count = NodeAccess.namedChildCount(clause);
            for (int i = 0; i < count; i++) {
                TSNode c = NodeAccess.namedChild(clause, i);
                if ("block".equals(Grammar.type(c))) statements(c, typeOnly);
            }
        }

        void ifStatement(TSNode n, boolean typeOnly) {
            boolean typeChecking = isTypeChecking(Grammar.field(n, "condition"));
            blockField(n, "consequence", typeOnly || typeChecking);
            int count = NodeAccess.namedChildCount(n);
            for (int i = 0; i < count; i++) {
                TSNode c = NodeAccess.namedChild(n, i);
                switch (Grammar.type(c)) {
                    case "elif_clause" -> blockField(c, "consequence",
                            typeOnly || isTypeChecking(Grammar.field(c, "condition")));
                    case "else_clause" -> blockField(c, "body", typeOnly);
                    default -> { }
                }
            }
        }

        boolean isTypeChecking(TSNode cond) {
            if (NodeAccess.isNull(cond)) return false;
            String type = Grammar.type(cond);
            if (!"identifier".equals(type) && !"attribute".equals(type)) return false;
            String t = text(cond);
            return t.equals("TYPE_CHECKING") || t.endsWith(".TYPE_CHECKING");
        }

        void withClause(TSNode clause, boolean typeOnly) {
            int count = NodeAccess.namedChildCount(clause);
            for (int i = 0; i < count; i++) {
                TSNode item = NodeAccess.namedChild(clause, i);
                if (!"with_item".equals(Grammar.type(item))) continue;
                TSNode value = Grammar.field(item, "value");
                if (!NodeAccess.isNull(value) && "as_pattern".equals(Grammar.type(value))) {
                    TSNode alias = Grammar.field(value, "alias");
                    if (!NodeAccess.isNull(alias) && NodeAccess.namedChildCount(alias) > 0) {
                        bindTargets(NodeAccess.namedChild(alias, 0), typeOnly);
                    }
                }
            }
        }

        void importStatement(TSNode n, boolean typeOnly) {
            int count = NodeAccess.childCount(n);
            for (int i = 0; i < count; i++) {
                if (!"name".equals(NodeAccess.fieldNameForChild(n, i))) continue;
                TSNode c = NodeAccess.child(n, i);
                if ("aliased_import".equals(Grammar.type(c))) {
                    String module = text(Grammar.field(c, "name"));
                    TSNode alias = Grammar.field(c, "alias");
                    addName(text(alias), NameKind.IMPORT, line(alias), typeOnly, new ImportSource(0, module, null), null);
                } else if ("dotted_name".equals(Grammar.type(c))) {
                    String first = text(NodeAccess.namedChild(c, 0));
                    addName(first, NameKind.IMPORT, line(c), typeOnly, new ImportSource(0, first, null), null);
                }
            }
        }

        void importFrom(TSNode n, boolean typeOnly) {
            TSNode moduleNode = Grammar.field(n, "module_name");
            if (NodeAccess.isNull(moduleNode)) return;
            int level = 0;
            String module;
            if ("relative_import".equals(Grammar.type(moduleNode))) {
                module = "";
                int count = NodeAccess.namedChildCount(moduleNode);
                for (int i = 0; i < count; i++) {
                    TSNode c = NodeAccess.namedChild(moduleNode, i);
                    if ("import_prefix".equals(Grammar.type(c))) level = NodeAccess.endByte(c) - NodeAccess.startByte(c);
                    else if ("dotted_name".equals(Grammar.type(c))) module = text(c);
                }
            } else {
                module = text(moduleNode);
            }
            int count = NodeAccess.childCount(n);
            for (int i = 0; i < count; i++) {
                TSNode c = NodeAccess.child(n, i);
                if ("wildcard_import".equals(Grammar.type(c))) {
                    stars.add(new StarImport(new ImportSource(level, module, null), line(c), typeOnly));
                    continue;
                }
                if (!"name".equals(NodeAccess.fieldNameForChild(n, i))) continue;
                importedName(c, level, module, typeOnly);
            }
        }

        void futureImport(TSNode n, boolean typeOnly) {
            int count = NodeAccess.childCount(n);
            for (int i = 0; i < count; i++) {
                if ("name".equals(NodeAccess.fieldNameForChild(n, i))) importedName(NodeAccess.child(n, i), 0, "__future__", typeOnly);
            }
        }

        void importedName(TSNode c, int level, String module, boolean typeOnly) {
            if ("aliased_import".equals(Grammar.type(c))) {
                String name = text(Grammar.field(c, "name"));
                TSNode alias = Grammar.field(c, "alias");
                addName(text(alias), NameKind.IMPORT, line(alias), typeOnly, new ImportSource(level, module, name), null);
            } else if ("dotted_name".equals(Grammar.type(c))) {
                String name = text(c);
                addName(name, NameKind.IMPORT, line(c), typeOnly, new ImportSource(level, module, name), null);
            }
        }

        void functionDefinition(TSNode n, List<TSNode> decorators, boolean typeOnly) {
            TSNode name = Grammar.field(n, "name");
            if (NodeAccess.isNull(name)) return;
            addName(text(name), NameKind.FUNCTION, line(name), typeOnly, null, signature(n, decorators));
        }

        void classDefinition(TSNode n, boolean typeOnly) {
            TSNode name = Grammar.field(n, "name");
            if (NodeAccess.isNull(name)) return;
            addName(text(name), NameKind.CLASS, line(name), typeOnly, null, null);
            List<String> bases = new ArrayList<>();
            TSNode sup = Grammar.field(n, "superclasses");
            if (!NodeAccess.isNull(sup)) {
                int count = NodeAccess.namedChildCount(sup);
                for (int i = 0; i < count; i++) {
                    TSNode b = NodeAccess.namedChild(sup, i);
                    String t = Grammar.type(b);
                    if (!"keyword_argument".equals(t) && !"comment".equals(t) && !"dictionary_splat".equals(t)) {
                        bases.add(text(b));
                    }
                }
            }
            List<ClassMember> members = new ArrayList<>();
            TSNode body = Grammar.field(n, "body");
            if (!NodeAccess.isNull(body)) classBody(body, members);
            classes.add(new ClassSummary(text(name), line(name), typeOnly, bases, members));
        }

        void expressionStatement(TSNode n, boolean typeOnly) {
            int count = NodeAccess.namedChildCount(n);
            for (int i = 0; i < count; i++) {
                TSNode e = NodeAccess.namedChild(n, i);
                switch (Grammar.type(e)) {
                    case "assignment" -> assignment(e, typeOnly);
                    case "augmented_assignment" -> augmented(e, typeOnly);
                    case "call" -> {
                        call(e);
                        lazyAttach(e);
                    }
                    default -> { }
                }
                if (mayDefineImportStructure && !definesImportStructure) {
                    definesImportStructure = callsDefineImportStructure(e, 0);
                }
            }
        }

        void assignment(TSNode a, boolean typeOnly) {
            TSNode right = Grammar.field(a, "right");
            if (NodeAccess.isNull(right)) {
                return; // a bare annotation binds nothing at module level
            }
            TSNode left = Grammar.field(a, "left");
            bindTargets(left, typeOnly);
            if ("identifier".equals(Grammar.type(left))) {
                String name = text(left);
                if (name.equals("__all__")) {
                    addToAll(right);
                } else if (STRUCTURE_NAMES.contains(name) && "dictionary".equals(Grammar.type(right))) {
                    mergeStructure(right);
                }
            } else if ("subscript".equals(Grammar.type(left))) {
                String key = structureKey(left);
                if (key != null) {
                    addStructureNames(key, right);
                }
            }
            if ("assignment".equals(Grammar.type(right))) {
                assignment(right, typeOnly); // a = b = value
            } else if ("call".equals(Grammar.type(right))) {
                lazyAttach(right); // __getattr__, __dir__, __all__ = lazy.attach(...)
            }
        }

        /** {@code attach(__name__, submod_attrs={"sub": ["name"]})}, lazy_loader's way: a structure written in the call. */
        void lazyAttach(TSNode c) {
            TSNode args = Grammar.field(c, "arguments");
            if (NodeAccess.isNull(args) || !"argument_list".equals(Grammar.type(args))) return;
            int count = NodeAccess.namedChildCount(args);
            for (int i = 0; i < count; i++) {
                TSNode a = NodeAccess.namedChild(args, i);
                if (!"keyword_argument".equals(Grammar.type(a))) continue;
                TSNode name = Grammar.field(a, "name");
                TSNode value = Grammar.field(a, "value");
                if (!NodeAccess.isNull(name) && text(name).equals("submod_attrs")
                        && !NodeAccess.isNull(value) && "dictionary".equals(Grammar.type(value))) {
                    mergeStructure(value);
                }
            }
        }

        void augmented(TSNode a, boolean typeOnly) {
            TSNode left = Grammar.field(a, "left");
            if (!"identifier".equals(Grammar.type(left))) return;
            bind(left, NameKind.VARIABLE, typeOnly);
            TSNode op = Grammar.field(a, "operator");
            if (text(left).equals("__all__") && !NodeAccess.isNull(op) && "+=".equals(Grammar.type(op))) {
                addToAll(Grammar.field(a, "right"));
            }
        }

        /** {@code __all__.append/extend(...)}, {@code _import_structure["k"].extend/append(...)}, {@code _import_structure.update({...})} (or {@code _SUBMOD_ATTRS}). */
        void call(TSNode c) {
            TSNode fn = Grammar.field(c, "function");
            if (!"attribute".equals(Grammar.type(fn))) return;
            TSNode object = Grammar.field(fn, "object");
            String method = text(Grammar.field(fn, "attribute"));
            TSNode args = Grammar.field(c, "arguments");
            if (NodeAccess.isNull(args) || !"argument_list".equals(Grammar.type(args)) || NodeAccess.namedChildCount(args) != 1) return;
            TSNode arg = NodeAccess.namedChild(args, 0);
            if ("identifier".equals(Grammar.type(object))) {
                String target = text(object);
                if (target.equals("__all__")) {
                    if (method.equals("append")) {
                        String s = stringLiteral(arg);
                        if (s != null) allSet().add(s);
                        else dunderAllComplete = false;
                    } else if (method.equals("extend")) {
                        addToAll(arg);
                    }
                } else if (STRUCTURE_NAMES.contains(target) && method.equals("update") && "dictionary".equals(Grammar.type(arg))) {
                    mergeStructure(arg);
                }
            } else if ("subscript".equals(Grammar.type(object))) {
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

        /** {@code "k"} in {@code _import_structure["k"]} (or {@code _SUBMOD_ATTRS["k"]}), or null. */
        String structureKey(TSNode subscript) {
            TSNode value = Grammar.field(subscript, "value");
            if (NodeAccess.isNull(value) || !"identifier".equals(Grammar.type(value)) || !STRUCTURE_NAMES.contains(text(value))) {
                return null;
            }
            TSNode key = Grammar.field(subscript, "subscript");
            return NodeAccess.isNull(key) ? null : stringLiteral(key);
        }

        void mergeStructure(TSNode dict) {
            int count = NodeAccess.namedChildCount(dict);
            for (int i = 0; i < count; i++) {
                TSNode pair = NodeAccess.namedChild(dict, i);
                if (!"pair".equals(Grammar.type(pair))) continue;
                String key = stringLiteral(Grammar.field(pair, "key"));
                if (key != null) addStructureNames(key, Grammar.field(pair, "value"));
            }
        }

        void addStructureNames(String key, TSNode list) {
            if (NodeAccess.isNull(list)) return;
            String t = Grammar.type(list);
            if (!"list".equals(t) && !"tuple".equals(t)) return; // computed (dummy objects): no static names
            Set<String> set = importStructure.computeIfAbsent(key, k -> new LinkedHashSet<>());
            int count = NodeAccess.namedChildCount(list);
            for (int i = 0; i < count; i++) {
                String s = stringLiteral(NodeAccess.namedChild(list, i));
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
            if (NodeAccess.isNull(value)) {
                dunderAllComplete = false;
                return;
            }
            switch (Grammar.type(value)) {
                case "list", "tuple" -> {
                    int count = NodeAccess.namedChildCount(value);
                    for (int i = 0; i < count; i++) {
                        TSNode e = NodeAccess.namedChild(value, i);
                        if ("comment".equals(Grammar.type(e))) continue;
                        String s = stringLiteral(e);
                        if (s != null) set.add(s);
                        else dunderAllComplete = false;
                    }
                }
                case "binary_operator" -> {
                    TSNode op = Grammar.field(value, "operator");
                    if (!NodeAccess.isNull(op) && "+".equals(Grammar.type(op))) {
                        addToAll(Grammar.field(value, "left"));
                        addToAll(Grammar.field(value, "right"));
                    } else {
                        dunderAllComplete = false;
                    }
                }
                case "parenthesized_expression" -> {
                    if (NodeAccess.namedChildCount(value) == 1) addToAll(NodeAccess.namedChild(value, 0));
                    else dunderAllComplete = false;
                }
                default -> dunderAllComplete = false;
            }
        }

        /** The value of a plain string literal ({@code "x"}, {@code 'x'}), or null for anything else. */
        String stringLiteral(TSNode n) {
            if (NodeAccess.isNull(n)) return null;
            if ("concatenated_string".equals(Grammar.type(n))) {
                StringBuilder joined = new StringBuilder();
                int count = NodeAccess.namedChildCount(n);
                for (int i = 0; i < count; i++) {
                    TSNode part = NodeAccess.namedChild(n, i);
                    if ("comment".equals(Grammar.type(part))) continue;
                    String s = stringLiteral(part);
                    if (s == null) return null;
                    joined.append(s);
                }
                return joined.toString();
            }
            if (!"string".equals(Grammar.type(n))) return null;
            int count = NodeAccess.childCount(n);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                TSNode c = NodeAccess.child(n, i);
                switch (Grammar.type(c)) {
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
            if ("call".equals(Grammar.type(n))) {
                TSNode fn = Grammar.field(n, "function");
                if (!NodeAccess.isNull(fn)) {
                    String t = text(fn);
                    if (t.equals("define_import_structure") || t.endsWith(".define_import_structure")) return true;
                }
            }
            if ("dictionary".equals(Grammar.type(n)) || "list".equals(Grammar.type(n)) || "string".equals(Grammar.type(n))) {
                return false;
            }
            int count = NodeAccess.namedChildCount(n);
            for (int i = 0; i < count; i++) {
                if (callsDefineImportStructure(NodeAccess.namedChild(n, i), depth + 1)) return true;
            }
            return false;
        }

        // ---- bindings -----------------------------------------------------------------------

        void bindTargets(TSNode t, boolean typeOnly) {
            if (NodeAccess.isNull(t)) return;
            switch (Grammar.type(t)) {
                case "identifier" -> bind(t, NameKind.VARIABLE, typeOnly);
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> {
                    int count = NodeAccess.namedChildCount(t);
                    for (int i = 0; i < count; i++) bindTargets(NodeAccess.namedChild(t, i), typeOnly);
                }
                case "list_splat_pattern", "list_splat", "parenthesized_expression" -> {
                    if (NodeAccess.namedChildCount(t) > 0) bindTargets(NodeAccess.namedChild(t, 0), typeOnly);
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
            int count = NodeAccess.namedChildCount(block);
            for (int i = 0; i < count; i++) {
                member(NodeAccess.namedChild(block, i), members, List.of());
            }
        }

        /** @param decorators the decorators' expressions, in source order, when {@code n} is the def of a decorated definition */
        void member(TSNode n, List<ClassMember> members, List<TSNode> decorators) {
            switch (Grammar.type(n)) {
                case "function_definition" -> {
                    TSNode name = Grammar.field(n, "name");
                    if (NodeAccess.isNull(name)) return;
                    MemberKind kind = MemberKind.METHOD;
                    for (TSNode decorator : decorators) {
                        String d = text(decorator);
                        if (PROPERTY_DECORATORS.contains(d) || d.endsWith(".setter") || d.endsWith(".getter")
                                || d.endsWith(".deleter")) {
                            kind = MemberKind.PROPERTY;
                        }
                    }
                    members.add(new ClassMember(text(name), kind, line(name), signature(n, decorators)));
                }
                case "class_definition" -> {
                    TSNode name = Grammar.field(n, "name");
                    if (!NodeAccess.isNull(name)) members.add(new ClassMember(text(name), MemberKind.CLASS, line(name), null));
                }
                case "decorated_definition" -> {
                    TSNode def = Grammar.field(n, "definition");
                    if (!NodeAccess.isNull(def)) member(def, members, decorators(n));
                }
                case "expression_statement" -> {
                    int count = NodeAccess.namedChildCount(n);
                    for (int i = 0; i < count; i++) {
                        TSNode e = NodeAccess.namedChild(n, i);
                        if ("assignment".equals(Grammar.type(e))) memberAssignment(e, members);
                        else if ("augmented_assignment".equals(Grammar.type(e))) {
                            TSNode left = Grammar.field(e, "left");
                            if ("identifier".equals(Grammar.type(left))) {
                                members.add(new ClassMember(text(left), MemberKind.ATTRIBUTE, line(left), null));
                            }
                        }
                    }
                }
                case "if_statement", "try_statement", "for_statement", "while_statement", "with_statement",
                        "elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause" -> {
                    if ("for_statement".equals(Grammar.type(n))) memberTargets(Grammar.field(n, "left"), members);
                    int count = NodeAccess.namedChildCount(n);
                    for (int i = 0; i < count; i++) {
                        TSNode c = NodeAccess.namedChild(n, i);
                        if ("block".equals(Grammar.type(c))) classBody(c, members);
                        else if (Grammar.type(c).endsWith("_clause")) member(c, members, List.of());
                    }
                }
                case "ERROR" -> {
                    int count = NodeAccess.namedChildCount(n);
                    for (int i = 0; i < count; i++) member(NodeAccess.namedChild(n, i), members, List.of());
                }
                default -> { }
            }
        }

        void memberAssignment(TSNode a, List<ClassMember> members) {
            memberTargets(Grammar.field(a, "left"), members); // annotated-only fields count: dataclass fields
            TSNode right = Grammar.field(a, "right");
            if (!NodeAccess.isNull(right) && "assignment".equals(Grammar.type(right))) memberAssignment(right, members);
        }

        void memberTargets(TSNode t, List<ClassMember> members) {
            if (NodeAccess.isNull(t)) return;
            switch (Grammar.type(t)) {
                case "identifier" -> members.add(new ClassMember(text(t), MemberKind.ATTRIBUTE, line(t), null));
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> {
                    int count = NodeAccess.namedChildCount(t);
                    for (int i = 0; i < count; i++) memberTargets(NodeAccess.namedChild(t, i), members);
                }
                case "list_splat_pattern", "list_splat", "parenthesized_expression" -> {
                    if (NodeAccess.namedChildCount(t) > 0) memberTargets(NodeAccess.namedChild(t, 0), members);
                }
                default -> { }
            }
        }

        // ---- parameters ---------------------------------------------------------------------

        /** The expressions of a decorated definition's decorators, in source order (outermost first). */
        List<TSNode> decorators(TSNode decorated) {
            List<TSNode> out = new ArrayList<>();
            int count = NodeAccess.namedChildCount(decorated);
            for (int i = 0; i < count; i++) {
                TSNode c = NodeAccess.namedChild(decorated, i);
                if ("decorator".equals(Grammar.type(c)) && NodeAccess.namedChildCount(c) > 0) {
                    out.add(NodeAccess.namedChild(c, 0));
                }
            }
            return out;
        }

        /**
         * A def's parameters, with the keywords its {@code deprecate_kwarg} decorators rename (see
         * the class comment). A call goes through the outermost decorator first, so each is read
         * against the def as the decorators below it leave it: innermost first.
         */
        Parameters signature(TSNode def, List<TSNode> decorators) {
            Parameters own = parameters(Grammar.field(def, "parameters"));
            if (decorators.isEmpty()) return own;
            Parameters sig = own;
            for (int i = decorators.size() - 1; i >= 0; i--) {
                Parameters.Alias rename = keywordRename(decorators.get(i));
                // the def takes the old name itself (or through **kwargs), or the renamed call would fail:
                // nothing to add (a decorator that makes a keyword fail is not followed: nothing is taken away)
                if (rename == null || own.acceptsKeyword(rename.name()) || !sig.acceptsKeyword(rename.parameter())) continue;
                List<Parameters.Alias> aliases = new ArrayList<>(sig.aliases().size() + 1);
                aliases.add(rename); // outer decorators first, as written
                for (Parameters.Alias inner : sig.aliases()) {
                    if (!inner.name().equals(rename.name())) aliases.add(inner); // the outer one renames it first
                }
                sig = new Parameters(sig.parameters(), aliases);
            }
            return sig;
        }

        /**
         * {@code deprecate_kwarg(old_name, version, new_name=None, warn_if_greater_or_equal_version=False,
         * raise_if_greater_or_equal_version=False, raise_if_both_names=False, additional_message=None)}
         * as OLD renamed to NEW; null for any other decorator, for one without a new name, for one that
         * may refuse OLD ({@code raise_if_greater_or_equal_version}), and for one whose arguments are
         * not plain (a splat, a name that is not a string literal or not an identifier).
         */
        Parameters.Alias keywordRename(TSNode decorator) {
            if (!"call".equals(Grammar.type(decorator))) return null;
            TSNode fn = Grammar.field(decorator, "function");
            if (NodeAccess.isNull(fn)) return null;
            String callee = switch (Grammar.type(fn)) {
                case "identifier" -> text(fn);
                case "attribute" -> {
                    TSNode attr = Grammar.field(fn, "attribute");
                    yield NodeAccess.isNull(attr) ? null : text(attr);
                }
                default -> null;
            };
            if (!"deprecate_kwarg".equals(callee)) return null;
            TSNode args = Grammar.field(decorator, "arguments");
            if (NodeAccess.isNull(args) || !"argument_list".equals(Grammar.type(args))) return null;
            TSNode oldName = null;
            TSNode newName = null;
            TSNode raiseFrom = null;
            int positional = 0;
            int count = NodeAccess.namedChildCount(args);
            for (int i = 0; i < count; i++) {
                TSNode a = NodeAccess.namedChild(args, i);
                switch (Grammar.type(a)) {
                    case "comment" -> { }
                    case "keyword_argument" -> {
                        TSNode k = Grammar.field(a, "name");
                        TSNode v = Grammar.field(a, "value");
                        if (NodeAccess.isNull(k) || NodeAccess.isNull(v)) return null;
                        switch (text(k)) {
                            case "old_name" -> oldName = v;
                            case "new_name" -> newName = v;
                            case "raise_if_greater_or_equal_version" -> raiseFrom = v;
                            default -> { }
                        }
                    }
                    case "list_splat", "dictionary_splat" -> {
                        return null;
                    }
                    default -> {
                        switch (positional++) {
                            case 0 -> oldName = a;
                            case 2 -> newName = a;
                            case 4 -> raiseFrom = a;
                            default -> { }
                        }
                    }
                }
            }
            if (raiseFrom != null && !"false".equals(Grammar.type(raiseFrom))) return null;
            String from = oldName == null ? null : stringLiteral(oldName);
            String to = newName == null ? null : stringLiteral(newName);
            if (from == null || to == null || !isIdentifier(from) || !isIdentifier(to) || from.equals(to)) return null;
            return new Parameters.Alias(from, to);
        }

        private static boolean isIdentifier(String s) {
            if (s.isEmpty()) return false;
            int first = s.codePointAt(0);
            if (first != '_' && !Character.isLetter(first)) return false;
            for (int i = Character.charCount(first); i < s.length(); ) {
                int c = s.codePointAt(i);
                if (c != '_' && !Character.isLetterOrDigit(c)) return false;
                i += Character.charCount(c);
            }
            return true;
        }

        Parameters parameters(TSNode params) {
            List<Parameter> out = new ArrayList<>();
            if (NodeAccess.isNull(params)) return new Parameters(out);
            boolean keywordOnly = false;
            int count = NodeAccess.namedChildCount(params);
            for (int i = 0; i < count; i++) {
                TSNode p = NodeAccess.namedChild(params, i);
                String type = Grammar.type(p);
                switch (type) {
                    case "identifier" -> out.add(new Parameter(text(p), kw(keywordOnly), false));
                    case "default_parameter", "typed_default_parameter" -> {
                        TSNode name = Grammar.field(p, "name");
                        if (!NodeAccess.isNull(name)) out.add(new Parameter(text(name), kw(keywordOnly), true));
                    }
                    case "typed_parameter" -> {
                        TSNode inner = NodeAccess.namedChild(p, 0);
                        switch (Grammar.type(inner)) {
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
            return NodeAccess.namedChildCount(splat) > 0 ? text(NodeAccess.namedChild(splat, 0)) : "";
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
