package dev.fitcheck.python;

import java.util.List;

/** The parameter list of a def, in order. */
public record Parameters(List<Parameter> parameters) {

    public Parameters {
        parameters = List.copyOf(parameters);
    }

    /** Whether a call may pass {@code keyword=...}: a named parameter that is not positional-only, or **kwargs. */
    public boolean acceptsKeyword(String keyword) {
        for (Parameter p : parameters) {
            if (p.kind() == ParameterKind.VAR_KEYWORD) return true;
            if (p.name().equals(keyword)
                    && (p.kind() == ParameterKind.POSITIONAL_OR_KEYWORD || p.kind() == ParameterKind.KEYWORD_ONLY)) {
                return true;
            }
        }
        return false;
    }
}
