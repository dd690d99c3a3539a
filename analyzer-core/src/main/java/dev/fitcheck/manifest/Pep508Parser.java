package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.PythonWhitespace;
import dev.fitcheck.version.SpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * PEP 508 by hand, following the grammar of packaging's parser token for token (so what it accepts
 * and where it stops agree with pip), with errors that name what was expected and the column.
 *
 * <pre>
 * requirement = WS? NAME WS? extras? WS? (AT WS? URL (WS (';' marker)?)? | specifier WS? (';' marker)?) END
 * specifier   = '(' WS? clauses WS? ')' | clauses          clauses = (CLAUSE (WS? ',' WS? CLAUSE)*)?
 * marker      = atom (('and' | 'or') atom)*                atom = WS? ('(' WS? marker WS? ')' | item) WS?
 * item        = WS? value WS? op WS? value WS?             value = VARIABLE | 'string' | "string"
 * </pre>
 */
final class Pep508Parser {

    private static final String[] VARIABLES = {
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    };
    private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};


    private final String s;
    private final String what;
    private int pos;

    private Pep508Parser(String s, String what) {
        this.s = s;
        this.what = what;
    }

    static Requirement parseRequirement(String text, SourceLocation location) {
        Pep508Parser p = new Pep508Parser(text, "requirement");
        p.ws();
        String name = p.identifier();
        if (name == null) {
            throw p.fail("expected a package name at the start");
        }
        p.ws();
        List<String> extras = p.extras();
        p.ws();
        String url = null;
        String clauses = "";
        Marker.Group marker = null;
        if (p.peek('@')) {
            p.pos++;
            p.ws();
            int start = p.pos;
            while (p.pos < p.s.length() && p.s.charAt(p.pos) != ' ' && p.s.charAt(p.pos) != '\t') {
                p.pos++;
            }
            if (p.pos == start) {
                throw p.fail("expected a URL after @");
            }
            url = p.s.substring(start, p.pos);
            if (!p.atEnd()) {
                p.ws();
                if (!p.atEnd()) {
                    marker = p.requirementMarker("a semicolon before the marker");
                }
            }
        } else {
            clauses = p.specifier();
            p.ws();
            if (!p.atEnd()) {
                marker = p.requirementMarker(clauses.isEmpty()
                        ? "a version specifier or a semicolon before a marker"
                        : "a comma between version clauses or a semicolon before a marker");
            }
        }
        if (!p.atEnd()) {
            throw p.fail("expected the end of the requirement");
        }
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(clauses);
        } catch (InvalidSpecifierException e) {
            throw new InvalidRequirementException("invalid requirement \"" + text + "\": " + e.getMessage());
        }
        return new Requirement(PackageName.normalize(name), name, extras, specifier,
                Optional.ofNullable(marker).map(Marker::new), Optional.ofNullable(url).map(DirectReference::of),
                false, List.of(), List.of(), Requirement.Origin.PIP, Optional.empty(), text.strip(), location);
    }

    static Marker parseMarker(String text) {
        Pep508Parser p = new Pep508Parser(text, "marker");
        Marker.Group g = p.marker();
        if (!p.atEnd()) {
            throw p.fail("expected 'and', 'or' or the end of the marker");
        }
        return new Marker(g);
    }

    // ---- requirement parts ----

    private List<String> extras() {
        if (!peek('[')) {
            return List.of();
        }
        int open = pos;
        pos++;
        ws();
        TreeSet<String> out = new TreeSet<>();
        String first = identifier();
        if (first != null) {
            out.add(PackageName.normalize(first));
            while (true) {
                ws();
                int before = pos;
                if (identifier() != null) {
                    pos = before;
                    throw fail("expected a comma between extra names");
                }
                if (!peek(',')) {
                    break;
                }
                pos++;
                ws();
                String next = identifier();
                if (next == null) {
                    throw fail("expected an extra name after the comma");
                }
                out.add(PackageName.normalize(next));
            }
        }
        ws();
        if (!peek(']')) {
            throw fail("expected ']' to close the extras opened at column " + (open + 1));
        }
        pos++;
        return List.copyOf(out);
    }

    private String specifier() {
        int open = -1;
        if (peek('(')) {
            open = pos;
            pos++;
        }
        ws();
        StringBuilder clauses = new StringBuilder();
        while (true) {
            int end = clauseEnd(pos);
            if (end < 0) {
                if (pos < s.length() && "=!<>~".indexOf(s.charAt(pos)) >= 0) {
                    throw badClause(pos);
                }
                break;
            }
            String clause = s.substring(pos, end);
            clauses.append(clause);
            pos = end;
            if (peek('.') && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                throw fail(clause.startsWith("==") || clause.startsWith("!=")
                        ? "a .* suffix cannot follow a pre-, post-, dev or local version"
                        : "a .* suffix can only be used with == or !=");
            }
            if (peek('+') && pos + 1 < s.length() && isLowerAlnum(s.charAt(pos + 1))) {
                throw fail("a local version label can only be used with == or !=");
            }
            if (pos < s.length() && " \t,;)".indexOf(s.charAt(pos)) < 0) {
                throw badClause(pos - clause.length());
            }
            ws();
            if (!peek(',')) {
                break;
            }
            clauses.append(',');
            pos++;
            ws();
        }
        ws();
        if (open >= 0) {
            if (!peek(')')) {
                throw fail("expected ')' to close the version specifier opened at column " + (open + 1));
            }
            pos++;
        }
        return clauses.toString();
    }

    /** End of the version clause starting at {@code p}, or -1: packaging's SPECIFIER token. */
    private int clauseEnd(int p) {
        return dev.fitcheck.version.Specifier.clauseEnd(s, p);
    }

    /** The clause at {@code start} (up to whitespace, a comma, a semicolon or a parenthesis) is not one: say why. */
    private InvalidRequirementException badClause(int start) {
        int end = start;
        while (end < s.length() && " \t,;)".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String clause = s.substring(start, end);
        pos = start;
        try {
            dev.fitcheck.version.Specifier.parse(clause);
        } catch (InvalidSpecifierException e) {
            String why = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            return fail("the version clause \"" + clause + "\" is invalid: " + why);
        }
        return fail("expected a comma between version clauses or a semicolon before a marker");
    }

    private Marker.Group requirementMarker(String expected) {
        if (!peek(';')) {
            throw fail("expected " + expected + " or the end");
        }
        pos++;
        Marker.Group g = marker();
        ws();
        return g;
    }

    // ---- markers ----

    private Marker.Group marker() {
        List<Marker.Term> terms = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        terms.add(atom());
        while (true) {
            String join = word("and") ? "and" : word("or") ? "or" : null;
            if (join == null) {
                break;
            }
            pos += join.length();
            joins.add(join);
            terms.add(atom());
        }
        return new Marker.Group(terms, joins);
    }

    private Marker.Term atom() {
        ws();
        Marker.Term term;
        if (peek('(')) {
            int open = pos;
            pos++;
            ws();
            term = marker();
            ws();
            if (!peek(')')) {
                throw fail("expected ')' to close the marker expression opened at column " + (open + 1));
            }
            pos++;
        } else {
            term = item();
        }
        ws();
        return term;
    }

    private Marker.Comparison item() {
        ws();
        int start = pos;
        Marker.Operand left = operand();
        ws();
        String op = markerOperator();
        ws();
        Marker.Operand right = operand();
        ws();
        Marker.Comparison c = normalizeExtras(new Marker.Comparison(left, op, right));
        String undefined = Marker.undefined(c);
        if (undefined != null) {
            pos = start;
            throw fail(undefined);
        }
        return c;
    }

    private static Marker.Comparison normalizeExtras(Marker.Comparison c) {
        Marker.Operand l = c.left();
        Marker.Operand r = c.right();
        if (l.variable() && l.value().equals("extra") && !r.variable()) {
            r = new Marker.Operand(false, PackageName.normalize(r.value()));
        } else if (r.variable() && !l.variable()
                && (r.value().equals("extra") || Marker.SET_VARIABLES.contains(r.value()))) {
            l = new Marker.Operand(false, PackageName.normalize(l.value()));
        }
        return new Marker.Comparison(l, c.op(), r);
    }

    private Marker.Operand operand() {
        for (String v : VARIABLES) {
            if (word(v)) {
                pos += v.length();
                String name = v.replace('.', '_');
                return new Marker.Operand(true, name.equals("python_implementation") ? "platform_python_implementation" : name);
            }
        }
        if (peek('"') || peek('\'')) {
            char quote = s.charAt(pos);
            int close = s.indexOf(quote, pos + 1);
            if (close < 0) {
                throw fail("expected a closing " + quote + " for the quoted string");
            }
            String raw = s.substring(pos + 1, close);
            String value = PythonStringLiteral.unescape(raw);
            if (value == null) {
                throw fail("the quoted string " + quote + raw + quote + " has an invalid escape");
            }
            pos = close + 1;
            return new Marker.Operand(false, value);
        }
        throw fail("expected a marker variable (such as python_version) or a quoted string");
    }

    private String markerOperator() {
        if (word("in")) {
            pos += 2;
            return "in";
        }
        if (word("not")) {
            pos += 3;
            int before = pos;
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
            if (pos == before) {
                throw fail("expected whitespace after 'not'");
            }
            if (!word("in")) {
                throw fail("expected 'in' after 'not'");
            }
            pos += 2;
            return "not in";
        }
        for (String op : OPERATORS) {
            if (s.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        throw fail("expected a marker operator (<=, <, !=, ==, >=, >, ~=, ===, in or not in)");
    }

    // ---- tokens ----

    /** packaging's IDENTIFIER: {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b}. */
    private String identifier() {
        if (pos >= s.length() || !isAsciiAlnum(s.charAt(pos)) || (pos > 0 && isWord(pos - 1))) {
            return null;
        }
        int end = pos + 1;
        while (end < s.length() && (isAsciiAlnum(s.charAt(end)) || "._-".indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        for (int e = end; e > pos; e--) {
            if (isWord(e - 1) != isWord(e)) {
                String id = s.substring(pos, e);
                pos = e;
                return id;
            }
        }
        return null;
    }

    /** Whether {@code w} starts here as a whole word (regex {@code \bw\b}). */
    private boolean word(String w) {
        return s.startsWith(w, pos) && (pos == 0 || !isWord(pos - 1)) && !isWord(pos + w.length());
    }

    private boolean isWord(int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private void ws() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private InvalidRequirementException fail(String why) {
        return new InvalidRequirementException("invalid " + what + " \"" + s.strip() + "\": " + why
                + " at column " + (pos + 1));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    }
}
