package dev.fitcheck.python;

import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The parts of one file that run only under a version or hasattr check:
 *
 * <pre>
 * if packaging.version.parse(transformers.__version__) >= packaging.version.parse("4.33.0"):
 *     from transformers.integrations import deepspeed_config    # needs >=4.33.0 only
 * else:
 *     from transformers.deepspeed import deepspeed_config       # needs it below 4.33.0 only
 * </pre>
 *
 * Each branch of such an {@code if} (with its {@code elif}s and {@code else}) is a region with the
 * guards that hold there. A condition that mentions a version or hasattr in a way not read here
 * ({@code a or b}, {@code not (a and b)}) makes its branches opaque: what runs there is not
 * required. Found from the words {@code __version__} and {@code hasattr} in the text, and from
 * names set to a version check ({@link VersionFlags}) here or in a module this one imports them from.
 */
final class GuardRegions {

    /** {@code [start, end)} of a branch, the guards that hold in it, or opaque when they cannot be read. */
    record Region(int start, int end, List<Guard> guards, boolean opaque) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** The guards at one place: their union over enclosing regions, and whether any was opaque. */
    record At(List<Guard> guards, boolean opaque) {
        static final At NONE = new At(List.of(), false);
    }

    private static final String PARSE = VersionFlags.PARSE;
    private static final Pattern VERSION_FIRST = Pattern.compile(
            PARSE + "\\(\\s*(\\w+)\\.__version__\\s*\\)\\s*(>=|<=|==|!=|>|<)\\s*" + PARSE + "\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");
    private static final Pattern VERSION_SECOND = Pattern.compile(
            PARSE + "\\(\\s*[\"']([^\"']+)[\"']\\s*\\)\\s*(>=|<=|==|!=|>|<)\\s*" + PARSE + "\\(\\s*(\\w+)\\.__version__\\s*\\)");
    private static final Pattern WORD = Pattern.compile("\\w+");
    private static final Pattern HAS_ATTRIBUTE = Pattern.compile("hasattr\\(\\s*([\\w.]+)\\s*,\\s*[\"'](\\w+)[\"']\\s*\\)");

    private final List<Region> regions;

    private GuardRegions(List<Region> regions) {
        this.regions = regions;
    }

    /**
     * @param external the external dotted path a local name stands for at an offset (its import),
     *                 or null: {@code transformers} for {@code transformers}, the class's path for an
     *                 imported class
     */
    static GuardRegions of(SyntaxTree tree, BiFunction<String, Integer, String> external, Map<String, Guard> flags) {
        List<Region> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<String> words = new ArrayList<>(List.of("__version__", "hasattr"));
        words.addAll(flags.keySet());
        for (int[] w : tree.wordsAt(words)) {
            TSNode n = tree.namedNodeAt(w[0], w[1]);
            // up to the condition of the nearest if or elif, within a few levels
            for (int depth = 0; depth < 12 && !n.isNull(); depth++) {
                TSNode p = n.getParent();
                if (p.isNull()) break;
                String type = Grammar.type(p);
                if (type.equals("block") || type.equals("module") || type.endsWith("_definition")) break;
                if (type.equals("elif_clause")) p = p.getParent(); // the chain is read from its if
                if (!p.isNull() && Grammar.type(p).equals("if_statement")) {
                    if (seen.add(p.getStartByte())) ifStatement(tree, p, external, flags, out);
                    break;
                }
                n = p;
            }
        }
        return new GuardRegions(out);
    }

    At at(int offset) {
        if (regions.isEmpty()) return At.NONE;
        List<Guard> guards = null;
        boolean opaque = false;
        for (Region r : regions) {
            if (!r.contains(offset)) continue;
            opaque |= r.opaque;
            if (guards == null) guards = new ArrayList<>();
            guards.addAll(r.guards);
        }
        return guards == null ? At.NONE : new At(List.copyOf(guards), opaque);
    }

    /** Conditions read from one {@code if}: each branch's guards follow from the conditions before it. */
    private static void ifStatement(SyntaxTree tree, TSNode statement, BiFunction<String, Integer, String> external,
            Map<String, Guard> flags, List<Region> out) {
        List<Condition> before = new ArrayList<>();
        Condition first = Condition.read(tree, Grammar.field(statement, "condition"), external, flags);
        branch(Grammar.field(statement, "consequence"), first, before, out);
        before.add(first);
        for (int i = 0; i < statement.getNamedChildCount(); i++) {
            TSNode c = statement.getNamedChild(i);
            switch (Grammar.type(c)) {
                case "elif_clause" -> {
                    Condition cond = Condition.read(tree, Grammar.field(c, "condition"), external, flags);
                    branch(Grammar.field(c, "consequence"), cond, before, out);
                    before.add(cond);
                }
                case "else_clause" -> branch(Grammar.field(c, "body"), null, before, out);
                default -> { }
            }
        }
    }

    private static void branch(TSNode body, Condition own, List<Condition> before, List<Region> out) {
        if (body.isNull()) return;
        List<Guard> guards = new ArrayList<>();
        boolean opaque = false;
        for (Condition c : before) {
            if (c.guards.isEmpty()) continue; // a condition about something else says nothing about releases
            if (c.exact && c.guards.size() == 1) {
                guards.add(c.guards.get(0).negated());
            } else {
                opaque = true; // not (a and b): either may be false
            }
        }
        if (own != null) {
            guards.addAll(own.guards);
            opaque |= own.opaque;
        }
        if (!guards.isEmpty() || opaque) out.add(new Region(body.getStartByte(), body.getEndByte(), guards, opaque));
    }

    /**
     * What a condition says about releases: the guards among its {@code and}-ed parts, whether
     * they are all of it (so its negation is exact), and opaque when a guard sits under {@code or}.
     */
    private record Condition(List<Guard> guards, boolean exact, boolean opaque) {

        static Condition read(SyntaxTree tree, TSNode node, BiFunction<String, Integer, String> external,
                Map<String, Guard> flags) {
            if (node.isNull()) return new Condition(List.of(), false, false);
            String text = tree.text(node).replaceAll("\\s+", " ").strip();
            int offset = node.getStartByte();
            List<String> parts = split(unwrap(text), " and ");
            List<Guard> guards = new ArrayList<>();
            boolean exact = true;
            boolean opaque = false;
            for (String part : parts) {
                if (!split(part, " or ").equals(List.of(part))) {
                    exact = false;
                    opaque |= mentionsGuard(part, flags);
                    continue;
                }
                Guard g = guard(part, offset, external, flags);
                if (g == null) {
                    exact = false;
                    opaque |= mentionsGuard(part, flags);
                } else {
                    guards.add(g);
                }
            }
            return new Condition(List.copyOf(guards), exact, opaque);
        }

        private static boolean mentionsGuard(String part, Map<String, Guard> flags) {
            if (part.contains("__version__") || part.contains("hasattr(")) return true;
            Matcher words = WORD.matcher(part);
            while (words.find()) {
                if (flags.containsKey(words.group())) return true;
            }
            return false;
        }

        private static Guard guard(String part, int offset, BiFunction<String, Integer, String> external,
                Map<String, Guard> flags) {
            String p = unwrap(part);
            boolean holds = true;
            while (p.startsWith("not ")) {
                holds = !holds;
                p = unwrap(p.substring(4).strip());
            }
            Guard flag = flags.get(p);
            if (flag != null) return holds ? flag : flag.negated();
            Matcher m = VERSION_FIRST.matcher(p);
            if (m.matches()) return version(m.group(1), m.group(2), m.group(3), holds, offset, external);
            m = VERSION_SECOND.matcher(p);
            if (m.matches()) return version(m.group(3), flip(m.group(2)), m.group(1), holds, offset, external);
            m = HAS_ATTRIBUTE.matcher(p);
            if (m.matches()) {
                String object = m.group(1);
                int dot = object.indexOf('.');
                String head = dot < 0 ? object : object.substring(0, dot);
                String path = external.apply(head, offset);
                if (path == null) return null;
                return new Guard(Guard.Kind.HAS_ATTRIBUTE, path + (dot < 0 ? "" : object.substring(dot)) + "." + m.group(2),
                        "", holds);
            }
            return null;
        }

        private static Guard version(String name, String op, String version, boolean holds, int offset,
                BiFunction<String, Integer, String> external) {
            String path = external.apply(name, offset);
            if (path == null || path.contains(".")) return null; // not an imported package's own version
            if (Version.tryParse(version).isEmpty()) return null;
            return new Guard(Guard.Kind.VERSION, path, op + version, holds);
        }

        private static String flip(String op) {
            return switch (op) {
                case ">=" -> "<=";
                case "<=" -> ">=";
                case ">" -> "<";
                case "<" -> ">";
                default -> op;
            };
        }

        /** Outer parentheses that wrap the whole text, removed. */
        private static String unwrap(String s) {
            String t = s.strip();
            while (t.startsWith("(") && t.endsWith(")") && closes(t) == t.length() - 1) t = t.substring(1, t.length() - 1).strip();
            return t;
        }

        private static int closes(String t) {
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return i;
            }
            return -1;
        }

        /** {@code text} split at {@code sep} outside brackets and quotes. */
        private static List<String> split(String text, String sep) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            char quote = 0;
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (depth == 0 && text.startsWith(sep, i)) {
                    out.add(text.substring(from, i).strip());
                    from = i + sep.length();
                    i = from - 1;
                }
            }
            out.add(text.substring(from).strip());
            return out;
        }
    }
}
