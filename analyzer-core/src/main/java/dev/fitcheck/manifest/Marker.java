package dev.fitcheck.manifest;

import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.Specifier;
import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A PEP 508 environment marker such as {@code python_version < "3.10" and sys_platform == "linux"},
 * evaluated as packaging 26 evaluates it: version-valued variables ({@code python_version},
 * {@code python_full_version}, {@code implementation_version}, {@code platform_release}) compare
 * with PEP 440 semantics when the other side makes a valid specifier; other strings compare for
 * equality only ({@code <} and {@code >} are false, {@code <=} and {@code >=} mean {@code ==});
 * {@code in} is a substring test. Extra names compare normalised (PEP 685). The lock-file variables
 * {@code extras} and {@code dependency_groups} are not defined for requirements, as in pip.
 *
 * <p>Comparisons packaging cannot evaluate ({@code os_name ~= "x"}, two quoted strings) are
 * rejected when the marker is parsed, so a parsed marker always evaluates; the one case only the
 * machine reveals ({@code "1.0" ~= platform_release} on a kernel release that is no version) is
 * false rather than an error.
 */
public final class Marker {

    /** The variables whose values are versions. */
    static final Set<String> VERSION_VARIABLES = Set.of("implementation_version", "platform_release",
            "python_full_version", "python_version");
    /** The variables whose values are sets of names. */
    static final Set<String> SET_VARIABLES = Set.of("extras", "dependency_groups");

    sealed interface Term permits Comparison, Group {
    }

    /** One side of a comparison: a marker variable or a quoted string. */
    record Operand(boolean variable, String value) {
        String serialize() {
            if (variable) {
                return value;
            }
            return value.indexOf('"') < 0 ? "\"" + value + "\"" : "'" + value + "'";
        }
    }

    record Comparison(Operand left, String op, Operand right) implements Term {
    }

    /** Terms joined by {@code and} / {@code or} ({@code joins.size() == terms.size() - 1}); and binds tighter. */
    record Group(List<Term> terms, List<String> joins) implements Term {
        Group {
            terms = List.copyOf(terms);
            joins = List.copyOf(joins);
        }
    }

    private final Group root;
    private final String text;

    Marker(Group root) {
        this.root = root;
        this.text = format(root, true);
    }

    /** @throws InvalidRequirementException when the text is not a marker packaging can evaluate */
    public static Marker parse(String text) {
        return Pep508Parser.parseMarker(text);
    }

    /** Both markers must hold. */
    public Marker and(Marker other) {
        return new Marker(new Group(List.of(root, other.root), List.of("and")));
    }

    /**
     * Whether the marker holds on that machine; with extras requested, whether it holds for one of
     * them (pip evaluates {@code extra} once per requested extra, and with {@code ""} when none is).
     */
    public boolean evaluate(MarkerEnvironment env) {
        if (env.extras().isEmpty()) {
            return evaluate(root, env, "");
        }
        for (String extra : env.extras()) {
            if (evaluate(root, env, extra)) {
                return true;
            }
        }
        return false;
    }

    private static boolean evaluate(Term term, MarkerEnvironment env, String extra) {
        if (term instanceof Comparison c) {
            return compare(c, env, extra);
        }
        Group g = (Group) term;
        boolean anyGroup = false;
        boolean allInGroup = true;
        for (int i = 0; i < g.terms().size(); i++) {
            if (i > 0 && g.joins().get(i - 1).equals("or")) {
                anyGroup |= allInGroup;
                allInGroup = true;
            }
            // every term is evaluated, as packaging does, so a broken one is never hidden by short-circuiting
            allInGroup &= evaluate(g.terms().get(i), env, extra);
        }
        return anyGroup || allInGroup;
    }

    private static boolean compare(Comparison c, MarkerEnvironment env, String extra) {
        String key;
        String lhs;
        Object rhs;
        if (c.left().variable()) {
            key = c.left().value();
            lhs = (String) lookup(env, key, extra);
            rhs = c.right().value();
        } else {
            key = c.right().value();
            lhs = c.left().value();
            rhs = lookup(env, key, extra);
        }
        if (key.equals("extra")) {
            lhs = PackageName.normalize(lhs);
            rhs = PackageName.normalize((String) rhs);
        }
        if (VERSION_VARIABLES.contains(key) && rhs instanceof String r) {
            Specifier spec = Specifier.tryParse(c.op() + r).orElse(null);
            if (spec != null) {
                return Version.tryParse(lhs).map(v -> spec.contains(v, true)).orElse(false);
            }
        }
        return switch (c.op()) {
            case "in" -> rhs instanceof String r ? r.contains(lhs) : ((Set<?>) rhs).contains(lhs);
            case "not in" -> rhs instanceof String r ? !r.contains(lhs) : !((Set<?>) rhs).contains(lhs);
            case "==", "<=", ">=" -> lhs.equals(rhs);
            case "!=" -> !lhs.equals(rhs);
            case "<", ">" -> false;
            // ~= or === against a machine value that is no version ("5.15.0-generic"): packaging
            // raises here; the parse-time check cannot see the machine, so the marker does not hold
            default -> false;
        };
    }

    private static Object lookup(MarkerEnvironment env, String key, String extra) {
        if (key.equals("extra")) {
            return extra;
        }
        String value = env.variable(key);
        if (value == null) {
            throw new IllegalStateException("rejected at parse time: unknown marker variable " + key);
        }
        return value;
    }

    /**
     * Why packaging could not evaluate this comparison, or null when it can; checked at parse time.
     */
    static String undefined(Comparison c) {
        Operand variable = c.left().variable() ? c.left() : c.right().variable() ? c.right() : null;
        if (variable == null) {
            return "a marker compares a variable with a quoted string, but " + c.left().serialize() + " "
                    + c.op() + " " + c.right().serialize() + " has no variable";
        }
        String key = variable.value();
        if (SET_VARIABLES.contains(key)) {
            return key + " is defined only in lock files (PEP 751), not in requirements";
        }
        String other = c.left().variable() ? c.right().value() : c.left().value();
        boolean ordinary = switch (c.op()) {
            case "in", "not in", "==", "!=", "<=", ">=", "<", ">" -> true;
            default -> false;
        };
        if (ordinary) {
            return null;
        }
        if (VERSION_VARIABLES.contains(key) && c.left().variable()) {
            try {
                Specifier.parse(c.op() + other);
                return null;
            } catch (InvalidSpecifierException e) {
                return c.op() + " needs a version on the other side of " + key + ", not \"" + other + "\"";
            }
        }
        if (VERSION_VARIABLES.contains(key)) {
            // the variable is on the right: packaging builds the specifier from the machine's value
            return null;
        }
        return c.op() + " compares versions, but " + key + " is not a version";
    }

    private static String format(Term term, boolean first) {
        if (term instanceof Comparison c) {
            return c.left().serialize() + " " + c.op() + " " + c.right().serialize();
        }
        Group g = (Group) term;
        if (g.terms().size() == 1) {
            return format(g.terms().get(0), first);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < g.terms().size(); i++) {
            if (i > 0) {
                parts.add(g.joins().get(i - 1));
            }
            parts.add(format(g.terms().get(i), false));
        }
        String joined = String.join(" ", parts);
        return first ? joined : "(" + joined + ")";
    }

    /** packaging's normalised form: double quotes, single spaces, redundant parentheses dropped. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker m && text.equals(m.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
