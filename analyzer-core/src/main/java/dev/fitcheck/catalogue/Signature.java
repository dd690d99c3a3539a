package dev.fitcheck.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature of a callable or field, in its ecosystem's terms.
 *
 * <p>Python: the parameters, enough to check the keywords a caller passes. The text form is how
 * Python writes a parameter list without annotations and with defaults shown as a bare {@code =}:
 * {@code self, config, /, x=, *args, y, **kwargs} ({@code *} alone opens keyword-only parameters).
 * Keywords a decorator accepts and renames to a parameter ({@link Alias}) follow the parameters as
 * {@code OLD->NEW}: {@code self, model=, processing_class=, tokenizer->processing_class}.
 *
 * <p>Java: the JVM descriptor, which is what compiled code links by: {@code (Ljava/lang/Object;)I}
 * for a method, {@code Ljava/util/List;} for a field. {@code params} is then empty.
 *
 * @param aliases    keywords accepted besides the parameters, each passed on to a parameter; only
 *                   those the parameters (or **kwargs) do not accept already; Python only
 * @param descriptor the JVM descriptor of a Java member; null for a Python parameter list
 */
public record Signature(List<Param> params, List<Alias> aliases, String descriptor) {

    public Signature {
        params = List.copyOf(params);
        aliases = List.copyOf(aliases);
        if (descriptor != null && !(params.isEmpty() && aliases.isEmpty())) {
            throw new IllegalArgumentException("a signature is a parameter list or a JVM descriptor, not both");
        }
    }

    /** A Python parameter list. */
    public Signature(List<Param> params) {
        this(params, List.of(), null);
    }

    /** A Python parameter list with the keywords a decorator renames to its parameters. */
    public Signature(List<Param> params, List<Alias> aliases) {
        this(params, aliases, null);
    }

    /** A Java member's JVM descriptor. */
    public static Signature jvm(String descriptor) {
        if (descriptor.isEmpty()) throw new IllegalArgumentException("a JVM descriptor cannot be empty");
        return new Signature(List.of(), List.of(), descriptor);
    }

    /**
     * A keyword the callable accepts though no parameter has its name: a decorator takes it and
     * passes it on as {@code parameter} (transformers' {@code @deprecate_kwarg("tokenizer",
     * new_name="processing_class", ...)} on {@code Trainer.__init__} from 4.46). Written
     * {@code name->parameter}.
     */
    public record Alias(String name, String parameter) {
        public Alias {
            if (!isName(name) || !isName(parameter)) {
                throw new IllegalArgumentException("not a keyword renamed to a parameter: " + name + "->" + parameter);
            }
        }

        private static boolean isName(String s) {
            if (s == null || s.isEmpty()) return false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ',' || c == '=' || c == '*' || c == '/' || c == '-' || c == '>' || Character.isWhitespace(c)) return false;
            }
            return true;
        }

        @Override
        public String toString() {
            return name + "->" + parameter;
        }
    }

    /** Whether keywords are renamed by a decorator here: a catalogue holding one needs format version 3. */
    public boolean hasAliases() {
        return !aliases.isEmpty();
    }

    public boolean isJvm() {
        return descriptor != null;
    }

    // written out rather than a record's generated ones: a catalogue hashes a signature per member
    // per release while it is built, and the generated ones are slow until the JIT has compiled them
    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && java.util.Objects.equals(descriptor, s.descriptor) && params.equals(s.params)
                && aliases.equals(s.aliases);
    }

    @Override
    public int hashCode() {
        if (descriptor != null) return descriptor.hashCode();
        return aliases.isEmpty() ? params.hashCode() : 31 * params.hashCode() + aliases.hashCode();
    }

    /** A signature's text form as {@code ecosystem} writes it: {@link #parse} for Python, a JVM descriptor for Maven. */
    public static Signature parse(Ecosystem ecosystem, String text) {
        return ecosystem == Ecosystem.MAVEN ? jvm(text) : parse(text);
    }

    /**
     * Whether {@code keyword=...} is accepted: a parameter of that name that is not positional-only,
     * {@code **kwargs}, or a keyword a decorator renames to a parameter.
     */
    public boolean acceptsKeyword(String keyword) {
        for (Param p : params) {
            if (p.kind() == ParamKind.VAR_KEYWORD) return true;
            if (p.name().equals(keyword)
                    && (p.kind() == ParamKind.POSITIONAL_OR_KEYWORD || p.kind() == ParamKind.KEYWORD_ONLY)) {
                return true;
            }
        }
        for (Alias a : aliases) {
            if (a.name().equals(keyword)) return true;
        }
        return false;
    }

    /** Parameter names in order (not the {@link #aliases}). */
    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }

    /** The Python parameter list's text, or the JVM descriptor. */
    @Override
    public String toString() {
        if (descriptor != null) return descriptor;
        StringBuilder b = new StringBuilder();
        boolean star = false;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.kind() == ParamKind.KEYWORD_ONLY && !star) {
                sep(b).append('*');
                star = true;
            }
            sep(b);
            switch (p.kind()) {
                case VAR_POSITIONAL -> {
                    b.append('*');
                    star = true;
                }
                case VAR_KEYWORD -> b.append("**");
                default -> { }
            }
            b.append(p.name());
            if (p.hasDefault()) b.append('=');
            boolean lastPositionalOnly = p.kind() == ParamKind.POSITIONAL_ONLY
                    && (i + 1 == params.size() || params.get(i + 1).kind() != ParamKind.POSITIONAL_ONLY);
            if (lastPositionalOnly) sep(b).append('/');
        }
        for (Alias a : aliases) sep(b).append(a.name()).append("->").append(a.parameter());
        return b.toString();
    }

    private static StringBuilder sep(StringBuilder b) {
        if (b.length() > 0) b.append(", ");
        return b;
    }

    /** Reads {@link #toString()}'s form of a Python parameter list back. */
    public static Signature parse(String text) {
        List<Param> out = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        if (text.isBlank()) return new Signature(out);
        boolean keywordOnly = false;
        for (String raw : text.split(",")) {
            String t = raw.strip();
            int arrow = t.indexOf("->");
            if (arrow >= 0) {
                aliases.add(new Alias(t.substring(0, arrow), t.substring(arrow + 2)));
                continue;
            }
            if (!aliases.isEmpty()) throw new IllegalArgumentException("a parameter after the renamed keywords: " + text);
            if (t.equals("/")) {
                for (int i = 0; i < out.size(); i++) {
                    Param p = out.get(i);
                    if (p.kind() == ParamKind.POSITIONAL_OR_KEYWORD) {
                        out.set(i, new Param(p.name(), ParamKind.POSITIONAL_ONLY, p.hasDefault()));
                    }
                }
                continue;
            }
            if (t.equals("*")) {
                keywordOnly = true;
                continue;
            }
            boolean def = t.endsWith("=");
            if (def) t = t.substring(0, t.length() - 1);
            if (t.startsWith("**")) {
                out.add(new Param(t.substring(2), ParamKind.VAR_KEYWORD, false));
            } else if (t.startsWith("*")) {
                out.add(new Param(t.substring(1), ParamKind.VAR_POSITIONAL, false));
                keywordOnly = true;
            } else {
                out.add(new Param(t, keywordOnly ? ParamKind.KEYWORD_ONLY : ParamKind.POSITIONAL_OR_KEYWORD, def));
            }
        }
        return new Signature(out, aliases);
    }
}
