package dev.fitcheck.lint;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.python.SyntaxTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Finds calls that receive both keywords of a conflicting pair. Keywords reach a call directly or
 * through a {@code **name} dict that the same function fills ({@code name['k'] = v},
 * {@code name = {'k': v}}, {@code name.update(k=v)}, {@code dict(k=v)}). Two settings in different
 * branches of one if/elif/else never meet, so they do not conflict.
 */
public final class KeywordConflictCheck {

    private static final Pattern STRING_KEY = Pattern.compile("^[rbuRBU]?['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]$");
    private final List<LintRule> rules;

    public KeywordConflictCheck(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<LintFinding> check(Path file, String source) {
        if (rules.stream().noneMatch(r -> couldFire(r, source))) {
            return new ArrayList<>(); // most files: no parse needed
        }
        try (SyntaxTree tree = SyntaxTree.parse(source)) {
            return check(file, source, tree);
        }
    }

    /** The same, on a tree the caller has parsed already (and closes). */
    public List<LintFinding> check(Path file, String source, SyntaxTree tree) {
        List<LintFinding> findings = new ArrayList<>();
        record Candidate(TSNode call, LintRule rule, int order) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            LintRule rule = rules.get(r);
            if (!couldFire(rule, source)) continue;
            // the calls of the rule's method, found from its name in the text rather than by a walk
            for (int[] w : tree.wordsAt(List.of(rule.call()))) {
                callNamed(tree, w).ifPresent(call -> candidates.add(new Candidate(call, rule, candidates.size())));
            }
        }
        candidates.sort(java.util.Comparator.comparingInt((Candidate c) -> c.call().getStartByte())
                .thenComparingInt(c -> rules.indexOf(c.rule())));
        for (Candidate c : candidates) {
            checkCall(c.call(), c.rule(), tree, file, findings);
        }
        return findings;
    }

    /**
     * Whether the text names the call and both keywords of one pair: every way a keyword can
     * reach the call (a keyword argument, a dict key, {@code dict(k=...)}) writes its name out.
     */
    private static boolean couldFire(LintRule rule, String source) {
        return source.contains(rule.call())
                && rule.conflicts().stream().anyMatch(pair -> source.contains(pair.get(0)) && source.contains(pair.get(1)));
    }

    /** The call whose callee is the name at {@code w} ({@code name(...)} or {@code x.name(...)}), if it is one. */
    private static Optional<TSNode> callNamed(SyntaxTree tree, int[] w) {
        TSNode id = tree.namedNodeAt(w[0], w[1]);
        if (id.isNull() || id.getStartByte() != w[0] || id.getEndByte() != w[1] || !id.getType().equals("identifier")) {
            return Optional.empty();
        }
        TSNode parent = id.getParent();
        if (parent.isNull()) return Optional.empty();
        TSNode callee = id;
        if (parent.getType().equals("attribute") && TSNode.eq(parent.getChildByFieldName("attribute"), id)) {
            callee = parent;
            parent = parent.getParent();
            if (parent.isNull()) return Optional.empty();
        }
        return parent.getType().equals("call") && TSNode.eq(parent.getChildByFieldName("function"), callee)
                ? Optional.of(parent) : Optional.empty();
    }

    /** A keyword and the node that set it. */
    private record Setting(String keyword, TSNode site) {
    }

    private void checkCall(TSNode call, LintRule rule, SyntaxTree tree, Path file, List<LintFinding> out) {
        List<Setting> settings = new ArrayList<>();
        TSNode args = call.getChildByFieldName("arguments");
        if (args == null || args.isNull()) return;
        TSNode scope = enclosingScope(call);
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            TSNode arg = args.getNamedChild(i);
            if (arg.getType().equals("keyword_argument")) {
                settings.add(new Setting(tree.text(arg.getChildByFieldName("name")), arg));
            } else if (arg.getType().equals("dictionary_splat") && arg.getNamedChildCount() == 1
                    && arg.getNamedChild(0).getType().equals("identifier")) {
                collectDictKeys(scope, tree.text(arg.getNamedChild(0)), tree, settings, call);
            }
        }
        for (List<String> pair : rule.conflicts()) {
            for (Setting a : settings) {
                if (!a.keyword.equals(pair.get(0))) continue;
                for (Setting b : settings) {
                    if (b.keyword.equals(pair.get(1)) && !exclusive(a.site, b.site)) {
                        Optional<TSNode> mask = maskingRaise(call, rule, tree);
                        out.add(new LintFinding(rule, at(file, call), pair, List.of(at(file, a.site), at(file, b.site)),
                                mask.map(m -> at(file, m)),
                                mask.map(m -> tree.text(m).replaceFirst("^raise\\s+", "").replaceAll("\\(.*", ""))));
                        return; // one finding per call and rule
                    }
                }
            }
        }
    }

    /** Keys that reach {@code **name}: assignments to it before the call in the same function. */
    private void collectDictKeys(TSNode node, String name, SyntaxTree tree, List<Setting> out, TSNode call) {
        switch (node.getType()) {
            case "assignment" -> {
                TSNode left = node.getChildByFieldName("left");
                TSNode right = node.getChildByFieldName("right");
                if (left.getType().equals("subscript") && tree.text(left.getChildByFieldName("value")).equals(name)) {
                    keyOf(left.getChildByFieldName("subscript"), tree).ifPresent(k -> out.add(new Setting(k, node)));
                } else if (left.getType().equals("identifier") && tree.text(left).equals(name) && right != null) {
                    literalKeys(right, tree, node, out);
                }
            }
            case "call" -> {
                TSNode f = node.getChildByFieldName("function");
                if (f.getType().equals("attribute") && tree.text(f.getChildByFieldName("object")).equals(name)) {
                    String m = tree.text(f.getChildByFieldName("attribute"));
                    TSNode args = node.getChildByFieldName("arguments");
                    if (m.equals("update") && args != null) {
                        for (int i = 0; i < args.getNamedChildCount(); i++) {
                            TSNode a = args.getNamedChild(i);
                            if (a.getType().equals("keyword_argument")) {
                                out.add(new Setting(tree.text(a.getChildByFieldName("name")), node));
                            } else {
                                literalKeys(a, tree, node, out);
                            }
                        }
                    } else if (m.equals("setdefault") && args != null && args.getNamedChildCount() > 0) {
                        keyOf(args.getNamedChild(0), tree).ifPresent(k -> out.add(new Setting(k, node)));
                    }
                }
            }
            default -> { }
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            if (child.getStartByte() > call.getStartByte()) break;
            collectDictKeys(child, name, tree, out, call);
        }
    }

    private void literalKeys(TSNode value, SyntaxTree tree, TSNode site, List<Setting> out) {
        if (value.getType().equals("dictionary")) {
            for (int i = 0; i < value.getNamedChildCount(); i++) {
                TSNode pair = value.getNamedChild(i);
                if (pair.getType().equals("pair")) {
                    keyOf(pair.getChildByFieldName("key"), tree).ifPresent(k -> out.add(new Setting(k, site)));
                }
            }
        } else if (value.getType().equals("call") && tree.text(value.getChildByFieldName("function")).equals("dict")) {
            TSNode args = value.getChildByFieldName("arguments");
            for (int i = 0; args != null && i < args.getNamedChildCount(); i++) {
                TSNode a = args.getNamedChild(i);
                if (a.getType().equals("keyword_argument")) {
                    out.add(new Setting(tree.text(a.getChildByFieldName("name")), site));
                }
            }
        }
    }

    private static Optional<String> keyOf(TSNode node, SyntaxTree tree) {
        Matcher m = STRING_KEY.matcher(tree.text(node).strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether two nodes lie in different branches of one if/elif/else, so that never both run. */
    static boolean exclusive(TSNode a, TSNode b) {
        List<TSNode> chainA = ancestors(a);
        List<TSNode> chainB = ancestors(b);
        for (int i = 0; i < chainA.size(); i++) {
            TSNode ancestor = chainA.get(i);
            int j = indexOf(chainB, ancestor);
            if (j < 0) continue;
            if (!ancestor.getType().equals("if_statement") || i == 0 || j == 0) return false;
            TSNode branchA = chainA.get(i - 1);
            TSNode branchB = chainB.get(j - 1);
            return !TSNode.eq(branchA, branchB) && isBranch(branchA) && isBranch(branchB);
        }
        return false;
    }

    private static boolean isBranch(TSNode n) {
        String t = n.getType();
        return t.equals("block") || t.equals("elif_clause") || t.equals("else_clause");
    }

    private static List<TSNode> ancestors(TSNode n) {
        List<TSNode> chain = new ArrayList<>();
        for (TSNode p = n; p != null && !p.isNull(); p = p.getParent()) chain.add(p);
        return chain;
    }

    private static int indexOf(List<TSNode> chain, TSNode n) {
        for (int i = 0; i < chain.size(); i++) if (TSNode.eq(chain.get(i), n)) return i;
        return -1;
    }

    private static TSNode enclosingScope(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("function_definition") || p.getType().equals("module")) return p;
        }
        return n;
    }

    /** A raise of one of the rule's masking errors in an except clause of a try around the call. */
    private static Optional<TSNode> maskingRaise(TSNode call, LintRule rule, SyntaxTree tree) {
        for (TSNode child = call, p = call.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
            if (!p.getType().equals("try_statement") || !TSNode.eq(p.getChildByFieldName("body"), child)) continue;
            for (int i = 0; i < p.getNamedChildCount(); i++) {
                TSNode clause = p.getNamedChild(i);
                if (!clause.getType().equals("except_clause")) continue;
                Optional<TSNode> raise = findRaise(clause, rule, tree);
                if (raise.isPresent()) return raise;
            }
        }
        return Optional.empty();
    }

    private static Optional<TSNode> findRaise(TSNode node, LintRule rule, SyntaxTree tree) {
        if (node.getType().equals("raise_statement")) {
            String text = tree.text(node);
            for (String error : rule.maskedBy()) {
                if (text.matches("raise\\s+" + Pattern.quote(error) + "\\b[\\s\\S]*")) return Optional.of(node);
            }
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            Optional<TSNode> r = findRaise(node.getNamedChild(i), rule, tree);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private static SourceLocation at(Path file, TSNode node) {
        return new SourceLocation(file, SyntaxTree.line(node), SyntaxTree.column(node));
    }
}
