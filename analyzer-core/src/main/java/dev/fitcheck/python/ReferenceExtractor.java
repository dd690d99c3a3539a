package dev.fitcheck.python;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.treesitter.TSNode;

/**
 * Finds every use of an external package's API in one source file: imports, attribute chains
 * through imported modules and names, base classes and the members used through them, keyword
 * arguments passed to callables known statically, and names that only a star import can bind.
 *
 * <p>Static and conservative: what cannot be tied to an import (a call on a local variable) is
 * not reported, since a wrong reference would put a wrong bound on a version range.
 */
public final class ReferenceExtractor {

    private final Set<String> internalTopLevels;
    private final Map<String, Map<String, Guard>> flagsByModule;
    private final Function<Path, String> moduleOf;

    /** @param internalTopLevels top-level module names of the model itself: imports of them are not external */
    public ReferenceExtractor(Set<String> internalTopLevels) {
        this(internalTopLevels, null, file -> "");
    }

    /**
     * @param flagsByModule the version flags ({@link VersionFlags}) every one of the model's modules sets, by
     *                      dotted module name; null to read each file's own from its text (imported ones are then not known)
     * @param moduleOf      the dotted module name of one of the model's files ({@code pkg.sub} for pkg/sub/__init__.py)
     */
    public ReferenceExtractor(Set<String> internalTopLevels, Map<String, Map<String, Guard>> flagsByModule,
            Function<Path, String> moduleOf) {
        this.internalTopLevels = Set.copyOf(internalTopLevels);
        this.flagsByModule = flagsByModule;
        this.moduleOf = moduleOf;
    }

    public List<SymbolReference> extract(Path file, String source) {
        try (SyntaxTree tree = SyntaxTree.parse(source)) {
            return extract(file, tree);
        }
    }

    /** The same, on a tree the caller has parsed already (and closes). */
    public List<SymbolReference> extract(Path file, SyntaxTree tree) {
        FileScan scan = new FileScan(file, tree);
        scan.run();
        return distinct(scan.references);
    }

    /**
     * One reference per place, path and keyword: {@code Base.method} is both an attribute chain and
     * a member use through a base class; the more specific kind (declared later) wins.
     */
    private static List<SymbolReference> distinct(List<SymbolReference> refs) {
        Map<String, SymbolReference> byPlace = new LinkedHashMap<>();
        for (SymbolReference r : refs) {
            String key = r.location().display() + " " + r.path() + " " + r.keyword().orElse("");
            byPlace.merge(key, r, (a, b) -> a.kind().compareTo(b.kind()) >= 0 ? a : b);
        }
        return byPlace.values().stream().sorted().toList();
    }

    /** What an imported local name stands for: a dotted path, and the condition of the import that bound it. */
    private record Binding(String path, ImportCondition condition, int importAt) {
    }

    /**
     * A name bound by an import in one scope: {@code function} is null at module level;
     * {@code binding} is null where the import is the model's own (it hides an external one).
     */
    private record ScopedBinding(FunctionScopes.Function function, Binding binding) {
    }

    private final class FileScan {
        final Path file;
        final SyntaxTree tree;
        final Map<String, List<ScopedBinding>> bindings = new HashMap<>();
        final FunctionScopes scopes;
        final Set<String> boundNames = new HashSet<>();
        final List<String> externalStars = new ArrayList<>();
        final Map<String, ImportCondition> starConditions = new HashMap<>();
        boolean internalStar;
        final Map<String, TSNode> freeNameUses = new LinkedHashMap<>();
        final List<SymbolReference> references = new ArrayList<>();
        final List<Integer> usedAt = new ArrayList<>();
        final List<Integer> importedAt = new ArrayList<>();
        final Map<String, Integer> starImports = new HashMap<>();
        /** Version flags the file imports from the model's own modules, by local name. */
        final Map<String, Guard> importedFlags = new HashMap<>();

        FileScan(Path file, SyntaxTree tree) {
            this.file = file;
            this.tree = tree;
            this.scopes = FunctionScopes.of(tree);
        }

        void bind(String local, TSNode statement, Binding binding) {
            bindings.computeIfAbsent(local, k -> new ArrayList<>(1))
                    .add(new ScopedBinding(scopes.innermost(statement.getStartByte()), binding));
        }

        /**
         * The import a name stands for at {@code offset}, by Python's scoping: the innermost
         * function that imports the name or binds it itself decides; else the module's import.
         */
        Binding visible(String name, int offset) {
            List<ScopedBinding> candidates = bindings.get(name);
            if (candidates == null) return null;
            if (candidates.size() == 1 && candidates.get(0).function() == null && scopes.innermost(offset) == null) {
                return candidates.get(0).binding(); // the common case: a module import used at module level
            }
            for (FunctionScopes.Function f : scopes.enclosing(offset)) {
                ScopedBinding here = lastIn(candidates, f);
                if (here != null) return here.binding();
                if (scopes.bindsLocally(f, name)) return null;
            }
            ScopedBinding module = lastIn(candidates, null);
            return module == null ? null : module.binding();
        }

        private static ScopedBinding lastIn(List<ScopedBinding> candidates, FunctionScopes.Function f) {
            for (int i = candidates.size() - 1; i >= 0; i--) {
                if (candidates.get(i).function() == f) return candidates.get(i);
            }
            return null;
        }

        void run() {
            TSNode root = tree.root();
            // Bindings first: an attribute chain may use a name imported further down (inside a function).
            for (TSNode statement : tree.importStatements()) {
                if (Grammar.type(statement).equals("import_statement")) {
                    importStatement(statement);
                } else {
                    importFrom(statement);
                }
            }
            if (!externalStars.isEmpty() && !internalStar) {
                // Which free names a star import binds needs every name the file binds and uses: the whole tree.
                collectNames(root);
                walkUses(root);
                starNames();
            } else {
                usesOfImportedNames();
            }
            guard();
        }

        // ---- pass 1: imports and every bound name ----

        void collectNames(TSNode node) {
            switch (Grammar.type(node)) {
                case "import_statement", "import_from_statement", "future_import_statement" -> { }
                default -> {
                    bindingNames(node);
                    for (int i = 0; i < node.getNamedChildCount(); i++) {
                        collectNames(node.getNamedChild(i));
                    }
                }
            }
        }

        void importStatement(TSNode node) {
            ImportCondition condition = conditionOf(node);
            for (int i = 0; i < node.getNamedChildCount(); i++) {
                TSNode child = node.getNamedChild(i);
                String module;
                String local;
                String boundPath;
                if (child.getType().equals("aliased_import")) {
                    module = dotted(child.getChildByFieldName("name"));
                    local = tree.text(child.getChildByFieldName("alias"));
                    boundPath = module;
                } else if (child.getType().equals("dotted_name")) {
                    module = dotted(child);
                    local = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                    boundPath = local;
                } else {
                    continue;
                }
                boundNames.add(local);
                if (isExternal(module)) {
                    bind(local, node, new Binding(boundPath, condition, node.getStartByte()));
                    add(module, ReferenceKind.IMPORT_MODULE, condition, -1, null, child);
                } else {
                    bind(local, node, null);
                }
            }
        }

        void importFrom(TSNode node) {
            ImportCondition condition = conditionOf(node);
            TSNode moduleNode = node.getChildByFieldName("module_name");
            boolean relative = moduleNode.getType().equals("relative_import");
            String module = relative ? "" : dotted(moduleNode);
            boolean external = !relative && isExternal(module);
            for (int i = 0; i < node.getNamedChildCount(); i++) {
                TSNode child = node.getNamedChild(i);
                if (TSNode.eq(child, moduleNode)) {
                    continue;
                }
                switch (child.getType()) {
                    case "wildcard_import" -> {
                        if (external) {
                            externalStars.add(module);
                            starConditions.put(module, condition);
                            starImports.put(module, node.getStartByte());
                            add(module, ReferenceKind.IMPORT_STAR, condition, -1, null, child);
                        } else {
                            internalStar = true;
                        }
                    }
                    case "dotted_name", "aliased_import" -> {
                        boolean aliased = child.getType().equals("aliased_import");
                        TSNode nameNode = aliased ? child.getChildByFieldName("name") : child;
                        String name = dotted(nameNode);
                        String local = aliased ? tree.text(child.getChildByFieldName("alias")) : name;
                        boundNames.add(local);
                        if (external) {
                            String path = module + "." + name;
                            bind(local, node, new Binding(path, condition, node.getStartByte()));
                            add(path, ReferenceKind.IMPORT_NAME, condition, -1, null, nameNode);
                        } else {
                            bind(local, node, null);
                            Guard flag = flagsByModule == null ? null
                                    : flagsByModule.getOrDefault(internalModule(moduleNode), Map.of()).get(name);
                            if (flag != null) importedFlags.put(local, flag);
                        }
                    }
                    default -> { }
                }
            }
        }

        /** Records names a node binds, so that a free name is not mistaken for a star import's. */
        void bindingNames(TSNode node) {
            switch (node.getType()) {
                case "function_definition", "class_definition" -> boundNames.add(tree.text(node.getChildByFieldName("name")));
                case "parameters", "lambda_parameters" -> collectIdentifiers(node, true);
                case "assignment", "augmented_assignment" -> collectTargets(node.getChildByFieldName("left"));
                case "for_statement", "for_in_clause" -> collectTargets(node.getChildByFieldName("left"));
                case "named_expression" -> collectTargets(node.getChildByFieldName("name"));
                case "as_pattern" -> {
                    TSNode alias = node.getChildByFieldName("alias");
                    if (alias != null && !alias.isNull()) collectTargets(alias);
                }
                case "except_clause" -> {
                    // "except E as e": the name after "as" is the last identifier child
                    for (int i = 0; i < node.getNamedChildCount(); i++) {
                        TSNode c = node.getNamedChild(i);
                        if (c.getType().equals("as_pattern")) collectTargets(c.getChildByFieldName("alias"));
                    }
                }
                case "global_statement", "nonlocal_statement" -> collectIdentifiers(node, false);
                default -> { }
            }
        }

        void collectTargets(TSNode target) {
            if (target == null || target.isNull()) return;
            switch (target.getType()) {
                case "identifier" -> boundNames.add(tree.text(target));
                case "attribute", "subscript" -> { }
                default -> {
                    for (int i = 0; i < target.getNamedChildCount(); i++) collectTargets(target.getNamedChild(i));
                }
            }
        }

        void collectIdentifiers(TSNode node, boolean parametersOnly) {
            for (int i = 0; i < node.getNamedChildCount(); i++) {
                TSNode c = node.getNamedChild(i);
                if (c.getType().equals("identifier")) {
                    boundNames.add(tree.text(c));
                } else if (parametersOnly) {
                    // typed/default parameters: the name is the first identifier; skip default values
                    TSNode name = c.getChildByFieldName("name");
                    if (name != null && !name.isNull() && name.getType().equals("identifier")) {
                        boundNames.add(tree.text(name));
                    } else if (c.getNamedChildCount() > 0 && c.getNamedChild(0).getType().equals("identifier")) {
                        boundNames.add(tree.text(c.getNamedChild(0)));
                    }
                }
            }
        }

        // ---- pass 2: uses ----

        /**
         * Every reference a use can make starts at an identifier bound by an external import: the
         * root of an attribute chain, a callee, a base class. So instead of walking every node
         * (each step a JNI call), find those identifiers in the text and look at the few nodes
         * above each; the same references as {@link #walkUses}, found from the other end.
         */
        void usesOfImportedNames() {
            Set<String> external = new HashSet<>();
            bindings.forEach((name, scoped) -> {
                if (scoped.stream().anyMatch(sb -> sb.binding() != null)) external.add(name);
            });
            if (external.isEmpty()) return;
            for (int[] span : tree.wordsAt(external)) {
                // Most uses are a plain chain on one line (transformers.AutoModel.from_pretrained): read it
                // from the text and ask the tree once whether that is what stands there.
                int[] dots = tree.dottedChain(span[1]);
                int chainEnd = dots.length == 0 ? span[1] : dots[dots.length - 1];
                TSNode top = tree.namedNodeAt(span[0], chainEnd);
                if (top.isNull() || top.getStartByte() != span[0] || top.getEndByte() != chainEnd) {
                    continue; // inside a string, a comment or an import, or part of a longer name
                }
                String type = Grammar.type(top);
                if (!type.equals("identifier") && !type.equals("attribute")) continue;
                Binding binding = visible(tree.text(span[0], span[1]), span[0]);
                if (binding == null) continue; // a local of the same name
                if (!parentMatters(span[0], chainEnd)) {
                    if (dots.length > 0) chainAttribute(binding, span, dots, null, "");
                    continue;
                }
                TSNode parent = top.getParent();
                if (parent.isNull()) continue;
                String parentType = Grammar.type(parent);
                if (parentType.equals("attribute") && parent.getStartByte() == span[0]) {
                    // the chain goes on past a line break inside brackets: follow the tree instead
                    while (!parent.isNull() && Grammar.type(parent).equals("attribute") && parent.getStartByte() == span[0]
                            && TSNode.eq(Grammar.field(parent, "object"), top)) {
                        top = parent;
                        parent = top.getParent();
                    }
                    if (parent.isNull()) continue;
                    attribute(top, parent);
                    parentType = Grammar.type(parent);
                } else if (dots.length > 0) {
                    chainAttribute(binding, span, dots, parent, parentType);
                }
                switch (parentType) {
                    // the callee and the assignment target are their parent's first child
                    case "call" -> {
                        if (parent.getStartByte() == span[0]) call(parent);
                    }
                    case "argument_list" -> {
                        TSNode owner = parent.getParent();
                        if (!owner.isNull() && Grammar.type(owner).equals("class_definition")
                                && TSNode.eq(Grammar.field(owner, "superclasses"), parent)) {
                            classDefinition(owner, top);
                        }
                    }
                    default -> { }
                }
            }
        }

        /**
         * Whether what encloses the use at {@code [start, end)} can add a reference: a call (its
         * keywords), an assignment to it (monkey-patching), a class header (a base), or a chain that
         * goes on across a line break. The byte after the use tells, except for class headers,
         * whose places are known; anything else (an argument, an operand, a subscript) adds nothing,
         * and most uses are that, so asking the tree for the parent is skipped for them.
         */
        boolean parentMatters(int start, int end) {
            int next = tree.byteAfterBlanks(end);
            if (next < 0 || next == '(' || next == ':' || next == '\n' || next == '\r' || next == '\\' || next == '#') return true;
            if (next == '=' && tree.byteAfterBlanks(tree.skipBlanks(end) + 1) != '=') return true;
            return inClassHeader(start);
        }

        /** Byte ranges of every class's base list in the file, found once. */
        List<int[]> classHeaders;

        boolean inClassHeader(int offset) {
            if (classHeaders == null) {
                classHeaders = new ArrayList<>();
                for (int[] w : tree.wordsAt(List.of("class"))) {
                    TSNode c = tree.namedNodeAt(w[0], w[1]);
                    if (c.isNull() || c.getStartByte() != w[0] || !Grammar.type(c).equals("class_definition")) continue;
                    TSNode supers = Grammar.field(c, "superclasses");
                    if (!supers.isNull()) classHeaders.add(new int[] {supers.getStartByte(), supers.getEndByte()});
                }
            }
            for (int[] h : classHeaders) {
                if (offset >= h[0] && offset < h[1]) return true;
            }
            return false;
        }

        /**
         * {@link #attribute} for a chain read from the text, rooted at the name {@code b} binds:
         * {@code dots} holds, per attribute, where its name starts and where it ends, so neither the
         * path nor the place needs the tree.
         */
        void chainAttribute(Binding b, int[] span, int[] dots, TSNode parent, String parentType) {
            StringBuilder path = new StringBuilder(b.path);
            int names = dots.length / 2;
            for (int k = 0; k < names; k++) {
                path.append('.').append(tree.text(dots[2 * k], dots[2 * k + 1]));
            }
            int lastName = dots[dots.length - 2];
            String p = path.toString();
            if (parent != null && parentType.equals("assignment") && parent.getStartByte() == span[0]) {
                // monkey-patching: the object must exist, the attribute is being set
                p = p.substring(0, p.lastIndexOf('.'));
                if (!p.contains(".")) return;
            }
            emit(new SymbolReference(p, ReferenceKind.ATTRIBUTE, b.condition, Optional.empty(),
                    new SourceLocation(file, tree.lineOf(lastName), tree.columnOf(lastName))), lastName, b.importAt);
        }

        void walkUses(TSNode node) {
            switch (node.getType()) {
                case "import_statement", "import_from_statement", "future_import_statement" -> {
                    return;
                }
                case "class_definition" -> classDefinition(node, null);
                case "call" -> call(node);
                case "attribute" -> {
                    TSNode parent = node.getParent();
                    if (outermostAttribute(node, parent)) attribute(node, parent);
                }
                case "identifier" -> freeName(node);
                default -> { }
            }
            for (int i = 0; i < node.getNamedChildCount(); i++) {
                TSNode child = node.getNamedChild(i);
                if (skipsAsUse(node, i)) continue;
                walkUses(child);
            }
        }

        /** Children that name rather than use: a def's name, a keyword's name. */
        boolean skipsAsUse(TSNode parent, int namedIndex) {
            String type = parent.getType();
            return "name".equals(parent.getFieldNameForNamedChild(namedIndex))
                    && (type.equals("function_definition") || type.equals("class_definition")
                            || type.equals("keyword_argument"));
        }

        boolean outermostAttribute(TSNode node, TSNode parent) {
            return !(parent.getType().equals("attribute") && TSNode.eq(parent.getChildByFieldName("object"), node));
        }

        void attribute(TSNode node, TSNode parent) {
            Optional<Resolved> resolved = resolve(node);
            if (resolved.isEmpty()) return;
            String path = resolved.get().path;
            // An assignment to an attribute (monkey-patching) needs the object, not the attribute.
            if (parent.getType().equals("assignment") && TSNode.eq(parent.getChildByFieldName("left"), node)) {
                path = path.substring(0, path.lastIndexOf('.'));
                if (!path.contains(".")) return;
            }
            add(path, ReferenceKind.ATTRIBUTE, resolved.get().condition, resolved.get().importAt, null,
                    node.getChildByFieldName("attribute"));
        }

        void call(TSNode node) {
            TSNode function = node.getChildByFieldName("function");
            resolve(function).ifPresent(callee -> keywordsOf(node, callee.path, callee.condition, callee.importAt));
        }

        /**
         * Base classes and the members used through them. {@code reachedFrom}, when set, is the base
         * through which the occurrence pass arrived: the class is handled once, from its first
         * external base, however many of its bases are imported names.
         */
        void classDefinition(TSNode node, TSNode reachedFrom) {
            TSNode supers = node.getChildByFieldName("superclasses");
            if (reachedFrom != null) {
                TSNode first = firstResolvedBase(supers);
                if (first == null || !TSNode.eq(first, reachedFrom)) return;
            }
            List<Resolved> externalBases = new ArrayList<>();
            List<String> baseLocalNames = new ArrayList<>();
            int bases = 0;
            if (supers != null && !supers.isNull()) {
                for (int i = 0; i < supers.getNamedChildCount(); i++) {
                    TSNode base = supers.getNamedChild(i);
                    if (base.getType().equals("keyword_argument") || base.getType().equals("dictionary_splat")) continue;
                    if (!addsNoMembers(tree.text(base))) bases++;
                    Optional<Resolved> r = resolve(base);
                    if (r.isPresent()) {
                        externalBases.add(r.get());
                        baseLocalNames.add(tree.text(base));
                        add(r.get().path, ReferenceKind.BASE_CLASS, r.get().condition, r.get().importAt, null, base);
                    }
                }
            }
            if (externalBases.isEmpty()) return;
            TSNode body = node.getChildByFieldName("body");
            Set<String> ownMembers = ownMembers(body);
            ownMembers.addAll(instanceAttributes(body));
            // With a second base, super().x and self.x() may be served by it (the MRO looks there
            // when the first lacks x): only Base.x, which names the base, still says where x is.
            memberUses(body, externalBases.get(0), baseLocalNames, ownMembers, bases <= 1);
        }

        /** Bases that put no members of their own in the way: object, ABC, Generic[T], Protocol. */
        static boolean addsNoMembers(String base) {
            String b = base.replaceAll("\\s+", "");
            int bracket = b.indexOf('[');
            String name = bracket < 0 ? b : b.substring(0, bracket);
            name = name.substring(name.lastIndexOf('.') + 1);
            return name.equals("object") || name.equals("ABC") || name.equals("Generic") || name.equals("Protocol");
        }

        TSNode firstResolvedBase(TSNode supers) {
            for (int i = 0; i < supers.getNamedChildCount(); i++) {
                TSNode base = supers.getNamedChild(i);
                if (!base.getType().equals("keyword_argument") && resolve(base).isPresent()) return base;
            }
            return null;
        }

        /**
         * Attributes the class's methods set on the instance ({@code self.fn = fn}): a later
         * {@code self.fn()} calls that, not a member of the base. Read from the text alone.
         */
        Set<String> instanceAttributes(TSNode body) {
            Set<String> names = new HashSet<>();
            for (int[] w : tree.wordsAt(List.of("self"), body.getStartByte(), body.getEndByte())) {
                int[] dots = tree.dottedChain(w[1]);
                if (dots.length != 2) continue; // self.a = ..., not self.a.b = ...
                int after = tree.skipBlanks(dots[1]);
                int next = tree.byteAfterBlanks(dots[1]);
                boolean assigned = next == '=' && tree.byteAfterBlanks(after + 1) != '='
                        || next == ':' // self.a: int = ...
                        || (next == '+' || next == '-' || next == '*' || next == '/' || next == '|')
                                && tree.byteAfterBlanks(after + 1) == '=';
                if (assigned) names.add(tree.text(dots[0], dots[1]));
            }
            return names;
        }

        Set<String> ownMembers(TSNode body) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < body.getNamedChildCount(); i++) {
                TSNode stmt = body.getNamedChild(i);
                TSNode def = stmt.getType().equals("decorated_definition") ? stmt.getChildByFieldName("definition") : stmt;
                if (def.getType().equals("function_definition") || def.getType().equals("class_definition")) {
                    names.add(tree.text(def.getChildByFieldName("name")));
                } else if (def.getType().equals("expression_statement") && def.getNamedChildCount() > 0
                        && def.getNamedChild(0).getType().equals("assignment")) {
                    TSNode left = def.getNamedChild(0).getChildByFieldName("left");
                    if (left.getType().equals("identifier")) names.add(tree.text(left));
                }
            }
            return names;
        }

        /**
         * super().x, Base.x and self.x() inside a class body whose first external base is
         * {@code base}, nested classes left out (they have their own bases). Found from the words
         * {@code super}, {@code self} and the base's name in the body's text, each checked in the tree.
         */
        void memberUses(TSNode body, Resolved base, List<String> baseLocalNames, Set<String> ownMembers,
                boolean throughSelfAndSuper) {
            int from = body.getStartByte();
            int to = body.getEndByte();
            List<int[]> nested = new ArrayList<>();
            for (int[] w : tree.wordsAt(List.of("class"), from, to)) {
                TSNode c = tree.namedNodeAt(w[0], w[1]);
                if (!c.isNull() && c.getStartByte() == w[0] && Grammar.type(c).equals("class_definition")) {
                    nested.add(new int[] {w[0], c.getEndByte()});
                }
            }
            String baseName = baseLocalNames.get(0);
            List<String> words = throughSelfAndSuper ? List.of("super", "self", baseName) : List.of(baseName);
            for (int[] w : tree.wordsAt(words, from, to)) {
                if (nested.stream().anyMatch(n -> w[0] >= n[0] && w[0] < n[1])) continue;
                String word = tree.text(w[0], w[1]);
                TSNode attr = word.equals("super") ? superAttribute(w) : attributeOn(w);
                if (attr == null) continue;
                TSNode name = Grammar.field(attr, "attribute");
                int nameStart = name.getStartByte();
                String member = tree.text(nameStart, name.getEndByte());
                TSNode parent = attr.getParent();
                // the callee is its call's first child: same start
                boolean called = !parent.isNull() && Grammar.type(parent).equals("call") && parent.getStartByte() == w[0];
                boolean viaSelfCall = word.equals("self") && called && !ownMembers.contains(member);
                if (!word.equals("self") || viaSelfCall) {
                    emit(new SymbolReference(base.path + "." + member, ReferenceKind.MEMBER, base.condition,
                            Optional.empty(), new SourceLocation(file, tree.lineOf(nameStart), tree.columnOf(nameStart))),
                            nameStart, base.importAt);
                }
                if (!word.equals("self") && called) {
                    keywordsOf(parent, base.path + "." + member, base.condition, base.importAt);
                }
            }
        }

        /** The attribute {@code word.x} whose object is the identifier at {@code w}, or null. */
        TSNode attributeOn(int[] w) {
            int[] dots = tree.dottedChain(w[1]);
            if (dots.length > 0) {
                TSNode attr = tree.namedNodeAt(w[0], dots[1]);
                if (!attr.isNull() && attr.getStartByte() == w[0] && attr.getEndByte() == dots[1]
                        && Grammar.type(attr).equals("attribute")) {
                    return attr;
                }
                return null; // a string, a comment, or not a plain name there
            }
            // no dot on this line: the attribute may still continue inside brackets on the next one
            TSNode id = tree.namedNodeAt(w[0], w[1]);
            if (id.isNull() || id.getStartByte() != w[0] || id.getEndByte() != w[1] || !Grammar.type(id).equals("identifier")) {
                return null;
            }
            TSNode parent = id.getParent();
            return !parent.isNull() && Grammar.type(parent).equals("attribute") && TSNode.eq(Grammar.field(parent, "object"), id)
                    ? parent : null;
        }

        /** The attribute {@code super(...).x} whose {@code super} is at {@code w}, or null. */
        TSNode superAttribute(int[] w) {
            TSNode id = tree.namedNodeAt(w[0], w[1]);
            if (id.isNull() || id.getStartByte() != w[0] || id.getEndByte() != w[1] || !Grammar.type(id).equals("identifier")) {
                return null;
            }
            TSNode call = id.getParent();
            if (call.isNull() || !Grammar.type(call).equals("call") || !TSNode.eq(Grammar.field(call, "function"), id)) {
                return null;
            }
            TSNode attr = call.getParent();
            return !attr.isNull() && Grammar.type(attr).equals("attribute") && TSNode.eq(Grammar.field(attr, "object"), call)
                    ? attr : null;
        }

        void keywordsOf(TSNode call, String path, ImportCondition condition, int importAt) {
            TSNode args = call.getChildByFieldName("arguments");
            if (args == null || args.isNull()) return;
            for (int i = 0; i < args.getNamedChildCount(); i++) {
                TSNode arg = args.getNamedChild(i);
                if (arg.getType().equals("keyword_argument")) {
                    TSNode name = arg.getChildByFieldName("name");
                    add(path, ReferenceKind.KEYWORD_ARGUMENT, condition, importAt, tree.text(name), name);
                }
            }
        }

        void freeName(TSNode node) {
            String name = tree.text(node);
            TSNode parent = node.getParent();
            String parentType = parent.getType();
            if (parentType.equals("attribute") && TSNode.eq(parent.getChildByFieldName("attribute"), node)) return;
            if (parentType.equals("keyword_argument") && TSNode.eq(parent.getChildByFieldName("name"), node)) return;
            if (parentType.contains("parameter") || parentType.equals("parameters")) return;
            if (boundNames.contains(name) || bindings.containsKey(name) || StandardLibrary.isBuiltin(name)) return;
            freeNameUses.putIfAbsent(name, node);
        }

        void starNames() {
            if (externalStars.isEmpty() || internalStar) {
                return; // a name could come from the model's own star import: not attributable
            }
            for (Map.Entry<String, TSNode> e : freeNameUses.entrySet()) {
                for (String star : externalStars) {
                    add(star + "." + e.getKey(), ReferenceKind.STAR_NAME, starConditions.get(star), starImports.get(star), null,
                            e.getValue());
                }
            }
        }

        /**
         * The version flags this file sets: from the caller's tree-wide reading when there is one
         * (it read every file's), else from this file's text.
         */
        Map<String, Guard> ownFlags() {
            if (flagsByModule != null) return flagsByModule.getOrDefault(moduleOf.apply(file), Map.of());
            return tree.wordsAt(List.of("__version__")).isEmpty() ? Map.of() : VersionFlags.of(tree.text(0, tree.length()));
        }

        /** The model's module an import names, relative ({@code from ..import_utils}) resolved against this file's. */
        String internalModule(TSNode moduleNode) {
            String text = dotted(moduleNode);
            if (!text.startsWith(".")) return text;
            int level = 0;
            while (level < text.length() && text.charAt(level) == '.') level++;
            String rest = text.substring(level);
            String own = moduleOf.apply(file);
            if (own.isEmpty()) return rest;
            List<String> parts = new ArrayList<>(List.of(own.split("\\.")));
            boolean isPackage = file.getFileName() != null && file.getFileName().toString().equals("__init__.py");
            int drop = isPackage ? level - 1 : level;
            if (drop > parts.size()) return rest;
            List<String> base = parts.subList(0, parts.size() - drop);
            String prefix = String.join(".", base);
            return rest.isEmpty() ? prefix : prefix.isEmpty() ? rest : prefix + "." + rest;
        }

        // ---- resolution of expressions to external paths ----

        private record Resolved(String path, ImportCondition condition, int importAt) {
        }

        /** The external dotted path an expression names, if it is an imported name or a chain through one. */
        Optional<Resolved> resolve(TSNode expr) {
            if (expr == null || expr.isNull()) return Optional.empty();
            switch (expr.getType()) {
                case "identifier" -> {
                    Binding b = visible(tree.text(expr), expr.getStartByte());
                    return b == null ? Optional.empty() : Optional.of(new Resolved(b.path, b.condition, b.importAt));
                }
                case "attribute" -> {
                    Optional<Resolved> object = resolve(expr.getChildByFieldName("object"));
                    return object.map(o -> new Resolved(o.path + "." + tree.text(expr.getChildByFieldName("attribute")),
                            o.condition, o.importAt));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }

        // ---- helpers ----

        boolean isExternal(String module) {
            String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
            return !internalTopLevels.contains(top) && !StandardLibrary.isModule(top) && !top.equals("__future__");
        }

        String dotted(TSNode node) {
            return tree.text(node).replaceAll("\\s+", "");
        }

        ImportCondition conditionOf(TSNode node) {
            for (TSNode child = node, p = node.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
                if (p.getType().equals("if_statement") && TSNode.eq(p.getChildByFieldName("consequence"), child)) {
                    String condition = tree.text(p.getChildByFieldName("condition")).strip();
                    if (condition.equals("TYPE_CHECKING") || condition.endsWith(".TYPE_CHECKING")) {
                        return ImportCondition.TYPE_ONLY;
                    }
                    if (condition.matches("(\\w+\\.)*is_\\w+_available\\(\\s*\\)")) {
                        return ImportCondition.OPTIONAL;
                    }
                }
                if (p.getType().equals("try_statement") && TSNode.eq(p.getChildByFieldName("body"), child)
                        && catchesImportError(p)) {
                    return ImportCondition.OPTIONAL;
                }
            }
            return ImportCondition.REQUIRED;
        }

        boolean catchesImportError(TSNode tryStatement) {
            for (int i = 0; i < tryStatement.getNamedChildCount(); i++) {
                TSNode clause = tryStatement.getNamedChild(i);
                if (!clause.getType().equals("except_clause")) continue;
                String text = tree.text(clause);
                String head = text.substring(0, text.indexOf(':') < 0 ? text.length() : text.indexOf(':'));
                if (head.strip().equals("except") || head.contains("ImportError") || head.contains("ModuleNotFoundError")
                        || head.matches("except\\s+\\(?\\s*(Base)?Exception\\b.*")) {
                    return true;
                }
            }
            return false;
        }

        void add(String path, ReferenceKind kind, ImportCondition condition, int importAt, String keyword, TSNode at) {
            emit(new SymbolReference(path, kind, condition, Optional.ofNullable(keyword),
                    new SourceLocation(file, SyntaxTree.line(at), SyntaxTree.column(at))), at.getStartByte(), importAt);
        }

        /** A reference found at byte {@code useAt}, through the import at {@code importAt} (-1: it is the import). */
        void emit(SymbolReference reference, int useAt, int importAt) {
            references.add(reference);
            usedAt.add(useAt);
            importedAt.add(importAt);
        }

        /**
         * The version and hasattr checks each reference runs under, its import's and its own; a
         * check not read makes a required reference optional. Done last: reading a check needs
         * the imports ({@code transformers.__version__} is the imported transformers').
         */
        void guard() {
            Map<String, Guard> flags = new HashMap<>(importedFlags);
            flags.putAll(ownFlags());
            GuardRegions regions = GuardRegions.of(tree, (name, offset) -> {
                Binding b = visible(name, offset);
                return b == null ? null : b.path;
            }, flags);
            for (int i = 0; i < references.size(); i++) {
                GuardRegions.At use = regions.at(usedAt.get(i));
                GuardRegions.At imported = importedAt.get(i) < 0 ? GuardRegions.At.NONE : regions.at(importedAt.get(i));
                if (use == GuardRegions.At.NONE && imported == GuardRegions.At.NONE) continue;
                SymbolReference r = references.get(i);
                List<Guard> guards = new ArrayList<>(imported.guards());
                for (Guard g : use.guards()) {
                    if (!guards.contains(g)) guards.add(g);
                }
                ImportCondition condition = (use.opaque() || imported.opaque()) && r.condition() == ImportCondition.REQUIRED
                        ? ImportCondition.OPTIONAL : r.condition();
                references.set(i, new SymbolReference(r.path(), r.kind(), condition, r.keyword(), r.location(), guards));
            }
        }
    }
}
