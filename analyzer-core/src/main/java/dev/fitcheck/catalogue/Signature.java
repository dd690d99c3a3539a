package dev.fitcheck.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature of a callable or field, in its ecosystem's terms.
 *
 * <p>Python: the parameters, enough to check the keywords a caller passes. The text form is how
 * Python writes a parameter list without annotations and with defaults shown as a bare {@code =}:
 * {@code self, config, /, x=, *args, y, **kwargs} ({@code *} alone opens keyword-only parameters).
 *
 * <p>Java: the JVM descriptor, which is what compiled code links by: {@code (Ljava/lang/Object;)I}
 * for a method, {@code Ljava/util/List;} for a field. {@code params} is then empty.
 *
 * @param descriptor the JVM descriptor of a Java member; null for a Python parameter list
 */
public record Signature(List<Param> params, String descriptor) {

    public Signature {
        params = List.copyOf(params);
        if (descriptor != null && !params.isEmpty()) {
            throw new IllegalArgumentException("a signature is a parameter list or a JVM descriptor, not both");
        }
    }

    /** A Python parameter list. */
    public Signature(List<Param> params) {
        this(params, null);
    }

    /** A Java member's JVM descriptor. */
    public static Signature jvm(String descriptor) {
        if (descriptor.isEmpty()) throw new IllegalArgumentException("a JVM descriptor cannot be empty");
        return new Signature(List.of(), descriptor);
    }

    public boolean isJvm() {
        return descriptor != null;
    }

    // written out rather than a record's generated ones: a catalogue hashes a signature per member
    // per release while it is built, and the generated ones are slow until the JIT has compiled them
    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && java.util.Objects.equals(descriptor, s.descriptor) && params.equals(s.params);
    }

    @Override
    public int hashCode() {
        return descriptor != null ? descriptor.hashCode() : params.hashCode();
    }

    /** A signature's text form as {@code ecosystem} writes it: {@link #parse} for Python, a JVM descriptor for Maven. */
    public static Signature parse(Ecosystem ecosystem, String text) {
        return ecosystem == Ecosystem.MAVEN ? jvm(text) : parse(text);
    }

    /** Whether {@code keyword=...} is accepted: a parameter of that name that is not positional-only, or {@code **kwargs}. */
    public boolean acceptsKeyword(String keyword) {
        for (Param p : params) {
            if (p.kind() == ParamKind.VAR_KEYWORD) return true;
            if (p.name().equals(keyword)
                    && (p.kind() == ParamKind.POSITIONAL_OR_KEYWORD || p.kind() == ParamKind.KEYWORD_ONLY)) {
                return true;
            }
        }
        return false;
    }

    /** Parameter names in order. */
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
        return b.toString();
    }

    private static StringBuilder sep(StringBuilder b) {
        if (b.length() > 0) b.append(", ");
        return b;
    }

    /** Reads {@link #toString()}'s form of a Python parameter list back. */
    public static Signature parse(String text) {
        List<Param> out = new ArrayList<>();
        if (text.isBlank()) return new Signature(out);
        boolean keywordOnly = false;
        for (String raw : text.split(",")) {
            String t = raw.strip();
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
        return new Signature(out);
    }
}
