package dev.fitcheck.version;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One PEP 440 version clause: {@code ==1.4.*}, {@code >=2.0}, {@code ~=1.4.5}, {@code !=1.0+cu121},
 * {@code ===foobar}.
 *
 * <p>What each operator takes in, with pre-releases allowed:
 * <ul>
 * <li>{@code ==V}: V and, when V has no local label, every V+local; {@code !=V} the rest;</li>
 * <li>{@code ==P.*}: every version whose release starts with P, pre-, post- and dev releases and
 * locals included ({@code ==1.4.*} is {@code [1.4.dev0, 1.5.dev0)}); {@code !=P.*} the rest;</li>
 * <li>{@code >=V}: V and everything above; {@code <=V}: V, its locals and everything below;</li>
 * <li>{@code <V}: below V, but not V's pre-releases unless V is itself a pre-release;</li>
 * <li>{@code >V}: above V, but not V's post-releases or V+local;</li>
 * <li>{@code ~=X.Y.Z}: {@code >=X.Y.Z,==X.Y.*};</li>
 * <li>{@code ===S}: the one version whose normalised string is S, ignoring case.</li>
 * </ul>
 */
public final class Specifier {

    public enum Operator {
        COMPATIBLE("~="), EQUAL("=="), NOT_EQUAL("!="), LESS_EQUAL("<="), GREATER_EQUAL(">="),
        LESS("<"), GREATER(">"), ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private static final String OPERATORS = "==, !=, <=, >=, <, >, ~= or ===";

    private final Operator operator;
    private final String versionText;
    /** The version without any ".*"; null only for an {@code ===} string that is not a version. */
    private final Version version;
    private final boolean wildcard;
    private VersionSet versionSet;

    private Specifier(Operator operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
    }

    /**
     * Parses one clause as packaging does; surrounding whitespace and whitespace after the operator
     * are allowed.
     *
     * @throws InvalidSpecifierException naming what is wrong
     */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = PythonWhitespace.strip(text);
        Operator op = operatorAtStart(s);
        if (op == null) {
            throw invalid(text, s.isEmpty() ? "it is empty" : "expected an operator (" + OPERATORS + ") before the version");
        }
        int start = PythonWhitespace.skip(s, op.symbol().length(), s.length());
        String rest = s.substring(start);
        if (op == Operator.ARBITRARY) {
            // packaging 26.3 (pip 26.3) accepts an empty "===", which then matches nothing
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (PythonWhitespace.is(c) || c == ';' || c == ')') {
                    throw invalid(text, "the version after === cannot contain '" + c + "'");
                }
            }
            return new Specifier(op, rest, Version.tryParse(rest).orElse(null), false);
        }
        boolean equality = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
        VersionScanner scanner = new VersionScanner(s, start, s.length());
        if (scanner.scan(equality, equality, op == Operator.COMPATIBLE ? 2 : 1) && scanner.position() == s.length()) {
            Version v = Version.fromScanner(scanner);
            return new Specifier(op, rest, v, scanner.wildcard);
        }
        throw invalid(text, diagnose(op, s, start, rest));
    }

    /** The clause, or empty when the text is not a specifier. */
    public static Optional<Specifier> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a clause starting at {@code start} ends, reading as far as packaging's SPECIFIER token
     * does inside a PEP 508 requirement (the rest of the text is left to the caller); -1 when no
     * clause starts there.
     */
    public static int clauseEnd(String text, int start) {
        Operator op = operatorAtStart(text.substring(start));
        if (op == null) {
            return -1;
        }
        int q = PythonWhitespace.skip(text, start + op.symbol().length(), text.length());
        if (op == Operator.ARBITRARY) {
            while (q < text.length() && !PythonWhitespace.is(text.charAt(q)) && text.charAt(q) != ';' && text.charAt(q) != ')') {
                q++;
            }
            return q;
        }
        boolean equality = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
        VersionScanner scanner = new VersionScanner(text, q, text.length());
        return scanner.scan(equality, equality, op == Operator.COMPATIBLE ? 2 : 1) ? scanner.position() : -1;
    }

    private static Operator operatorAtStart(String s) {
        if (s.startsWith("===")) {
            return Operator.ARBITRARY;
        }
        for (Operator op : new Operator[] {Operator.EQUAL, Operator.NOT_EQUAL, Operator.COMPATIBLE,
                Operator.LESS_EQUAL, Operator.GREATER_EQUAL, Operator.LESS, Operator.GREATER}) {
            if (s.startsWith(op.symbol())) {
                return op;
            }
        }
        return null;
    }

    /** Why a clause with a known operator failed, in the user's terms. */
    private static String diagnose(Operator op, String s, int start, String rest) {
        if (rest.isEmpty()) {
            return op + " needs a version after it";
        }
        boolean equality = op == Operator.EQUAL || op == Operator.NOT_EQUAL;
        if (!equality && rest.endsWith(".*")) {
            return "a .* wildcard is allowed only after == or !=";
        }
        VersionScanner permissive = new VersionScanner(s, start, s.length());
        boolean whole = permissive.scan(true, false, 1) && permissive.position() == s.length();
        if (whole && permissive.local != null && !equality) {
            return "a local version label (+" + rest.substring(rest.indexOf('+') + 1) + ") is allowed only after == or !=";
        }
        if (whole && op == Operator.COMPATIBLE) {
            return "~= needs at least two release numbers, as in ~=2.2";
        }
        if (equality && rest.endsWith(".*")) {
            return "a .* wildcard must follow the release numbers directly, as in " + op + "1.4.*";
        }
        try {
            Version.parse(rest);
            return "\"" + rest + "\" is not a PEP 440 version";
        } catch (InvalidVersionException e) {
            return e.getMessage();
        }
    }

    private static InvalidSpecifierException invalid(String text, String why) {
        return new InvalidSpecifierException("invalid version specifier \"" + text + "\": " + why);
    }

    public Operator operator() {
        return operator;
    }

    /** The version as written after the operator (whitespace trimmed), {@code .*} included. */
    public String version() {
        return versionText;
    }

    /** The version compared against, without any {@code .*}; empty for an {@code ===} string that is not a version. */
    public Optional<Version> parsedVersion() {
        return Optional.ofNullable(version);
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether the clause opts in to pre-releases by naming one ({@code >=2.0b1}); never for
     * {@code !=} or a wildcard; unknown (null) for an {@code ===} string that is not a version.
     */
    public Boolean impliesPrereleases() {
        if (operator == Operator.NOT_EQUAL || wildcard) {
            return Boolean.FALSE;
        }
        return version == null ? null : version.isPrerelease();
    }

    /** Whether {@code v} matches; with {@code allowPrereleases} false a pre-release never does. */
    public boolean contains(Version v, boolean allowPrereleases) {
        if (!allowPrereleases && v.isPrerelease()) {
            return false;
        }
        return toVersionSet().contains(v);
    }

    /** packaging's default for one version (it has no alternatives, so a pre-release may match). */
    public boolean contains(Version v) {
        return contains(v, true);
    }

    /** Every version the clause takes in, pre-releases included. */
    public VersionSet toVersionSet() {
        VersionSet s = versionSet;
        if (s == null) {
            s = computeVersionSet();
            versionSet = s;
        }
        return s;
    }

    private VersionSet computeVersionSet() {
        if (operator == Operator.ARBITRARY) {
            String literal = versionText.toLowerCase(Locale.ROOT);
            return Version.tryParse(literal).filter(v -> v.toString().equals(literal))
                    .map(VersionSet::literal).orElse(VersionSet.none());
        }
        Version v = version;
        if (wildcard) {
            VersionSet prefix = VersionSet.interval(Cut.before(v.prefixDev0()), Cut.before(v.nextPrefixDev0()));
            return operator == Operator.EQUAL ? prefix : prefix.complement();
        }
        return switch (operator) {
            case EQUAL -> VersionSet.exactly(v);
            case NOT_EQUAL -> VersionSet.exactly(v).complement();
            case GREATER_EQUAL -> VersionSet.atLeast(v);
            case LESS_EQUAL -> VersionSet.interval(Cut.BELOW_ALL, Cut.afterLocals(v));
            case LESS -> VersionSet.below(v);
            case GREATER -> VersionSet.interval(greaterThanBound(v), Cut.ABOVE_ALL);
            case COMPATIBLE -> VersionSet.interval(Cut.before(v), Cut.before(v.dropLastReleaseNumber().nextPrefixDev0()));
            case ARBITRARY -> throw new IllegalStateException("handled above");
        };
    }

    /** {@code >V} starts after V's post-releases; after V.devN or V.postN it starts at the next one. */
    private static Cut greaterThanBound(Version v) {
        if (v.devOrNull() != null) {
            return Cut.before(v.with(v.preOrNull(), v.postOrNull(), v.devOrNull().add(BigInteger.ONE)));
        }
        if (v.postOrNull() != null) {
            return Cut.before(v.with(v.preOrNull(), v.postOrNull().add(BigInteger.ONE), BigInteger.ZERO));
        }
        return Cut.afterPosts(v);
    }

    /** The form packaging compares clauses by: {@code ==1.0} equals {@code ==1.0.0}. */
    String canonical() {
        if (operator == Operator.ARBITRARY || wildcard) {
            return operator.symbol() + versionText;
        }
        return operator.symbol() + (operator == Operator.COMPATIBLE ? version : version.trimmedRelease());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Specifier s && canonical().equals(s.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** Operator and version as written, without whitespace: {@code >=1.0.0}. */
    @Override
    public String toString() {
        return operator.symbol() + versionText;
    }
}
