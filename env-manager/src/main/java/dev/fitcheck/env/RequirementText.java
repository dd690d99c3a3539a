package dev.fitcheck.env;

import java.util.List;
import java.util.Optional;

/** Writes PEP 508 requirement lines. */
final class RequirementText {

    private RequirementText() {
    }

    static String of(PackageName name, List<String> extras, String specifier, Optional<String> url, String marker) {
        StringBuilder sb = new StringBuilder(name.value());
        if (!extras.isEmpty()) {
            sb.append('[').append(String.join(",", extras)).append(']');
        }
        if (url.isPresent()) {
            sb.append(" @ ").append(url.get());
        } else if (!specifier.isBlank()) {
            sb.append(specifier.replace(" ", ""));
        }
        if (!marker.isBlank()) {
            // "name @ url; marker" needs the space before ';' so the URL does not swallow it.
            sb.append(" ; ").append(marker);
        }
        return sb.toString();
    }

    /** A pin written in fitcheck.yaml: a bare version means exactly that release. */
    static String specifierOfPin(String pin) {
        String p = pin.strip();
        return p.matches("^(==|!=|<=|>=|<|>|~=|===).*") ? p : "==" + p;
    }
}
