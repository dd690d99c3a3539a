package dev.fitcheck.python;

import java.util.List;

/**
 * The parameter list of a def, in order, and the keywords a decorator of the def renames to one of
 * them ({@link Alias}).
 *
 * @param aliases keywords the callable accepts besides its parameters, each passed on to a
 *                parameter; in the order of the decorators in the source; only those a parameter
 *                (or **kwargs) does not already accept
 */
public record Parameters(List<Parameter> parameters, List<Alias> aliases) {

    public Parameters {
        parameters = List.copyOf(parameters);
        aliases = List.copyOf(aliases);
    }

    /** A def's own parameters, with no decorator renaming a keyword. */
    public Parameters(List<Parameter> parameters) {
        this(parameters, List.of());
    }

    /**
     * A keyword a decorator accepts and renames before the def sees it: transformers'
     * {@code @deprecate_kwarg("tokenizer", new_name="processing_class", ...)} makes
     * {@code f(tokenizer=x)} call {@code f(processing_class=x)}.
     *
     * @param name      the keyword a caller may pass
     * @param parameter the name the def receives it by
     */
    public record Alias(String name, String parameter) {
    }

    /**
     * Whether a call may pass {@code keyword=...}: a named parameter that is not positional-only,
     * **kwargs, or a keyword a decorator renames.
     */
    public boolean acceptsKeyword(String keyword) {
        for (Parameter p : parameters) {
            if (p.kind() == ParameterKind.VAR_KEYWORD) return true;
            if (p.name().equals(keyword)
                    && (p.kind() == ParameterKind.POSITIONAL_OR_KEYWORD || p.kind() == ParameterKind.KEYWORD_ONLY)) {
                return true;
            }
        }
        for (Alias a : aliases) {
            if (a.name().equals(keyword)) return true;
        }
        return false;
    }
}
