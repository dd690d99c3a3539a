package dev.fitcheck.manifest;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.SpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conda package spec ({@code python=3.10}, {@code numpy>=1.26,<2}, {@code pytorch::pytorch=2.3.1},
 * {@code cudatoolkit 12.1.*}, {@code numpy[version='>=1.26']}) as a {@link Requirement} with
 * {@link Requirement.Origin#CONDA}. Conda's versions read as PEP 440 where they can:
 * {@code name=1.2} is conda's fuzzy match, {@code ==1.2.*}; {@code name==1.2} and
 * {@code name 1.2} are exact. What PEP 440 cannot say (alternatives with {@code |}, versions such
 * as {@code 1.1.1w}) leaves the requirement unconstrained, with a warning.
 */
final class CondaMatchSpec {

    private static final Pattern BRACKET_VERSION = Pattern.compile("version\\s*=\\s*['\"]?([^'\",\\]]+(?:,[^'\"\\]]+)*)['\"]?");

    private CondaMatchSpec() {
    }

    static Requirement parse(String spec, SourceLocation at, ManifestCollector out) {
        String s = spec.strip();
        String channel = null;
        int colons = s.indexOf("::");
        if (colons >= 0) {
            channel = s.substring(0, colons);
            s = s.substring(colons + 2);
        }
        String bracket = null;
        int open = s.indexOf('[');
        if (open >= 0 && s.endsWith("]")) {
            bracket = s.substring(open + 1, s.length() - 1);
            s = s.substring(0, open);
        }
        int end = 0;
        while (end < s.length() && "=<>!~ \t".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String name = s.substring(0, end);
        if (name.isEmpty()) {
            throw new InvalidRequirementException("invalid conda spec \"" + spec + "\": expected a package name at the start");
        }
        String rest = s.substring(end);
        String version = null;
        if (bracket != null) {
            Matcher m = BRACKET_VERSION.matcher(bracket);
            if (m.find()) {
                version = pep440(m.group(1).strip(), false);
            }
        } else if (!rest.isBlank()) {
            version = versionPart(rest);
        }
        SpecifierSet specifier = SpecifierSet.any();
        if (version != null) {
            try {
                specifier = SpecifierSet.parse(version);
            } catch (InvalidSpecifierException e) {
                out.warn(at, "conda version \"" + rest.strip().replaceFirst("^=+", "") + "\" of " + name
                        + " is not a PEP 440 version range; the requirement is kept without a version constraint");
            }
        } else if (rest.contains("|") || (bracket != null && bracket.contains("|"))) {
            out.warn(at, "conda version alternatives (|) of " + name + " are not modelled; the requirement is kept without a version constraint");
        }
        return new Requirement(PackageName.normalize(name), name, List.of(), specifier, Optional.empty(), Optional.empty(),
                false, List.of(), List.of(), Requirement.Origin.CONDA, Optional.ofNullable(channel), spec.strip(), at);
    }

    /** The PEP 440 form of what follows the name, or null when there is none or it has alternatives. */
    private static String versionPart(String rest) {
        String r = rest.strip();
        if (rest.startsWith(" ") || rest.startsWith("\t")) {
            // "name 1.2.3 build": an exact version unless it is a glob
            String v = r.split("\\s+")[0];
            return pep440(v, false);
        }
        if (r.startsWith("==")) {
            return pep440(r.substring(2).split("=")[0], false);
        }
        if (r.startsWith("=") && !r.startsWith("=>")) {
            String v = r.substring(1).split("=")[0];
            return pep440(v, true);
        }
        return pep440(r, false);
    }

    /**
     * One conda version expression as PEP 440 clauses.
     *
     * @param fuzzy conda's single {@code =}: {@code 1.2} means {@code 1.2.*}
     */
    private static String pep440(String v, boolean fuzzy) {
        if (v.contains("|")) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean hasOperator = p.startsWith("=") || p.startsWith("<") || p.startsWith(">") || p.startsWith("!") || p.startsWith("~");
            if (hasOperator) {
                clauses.add(p.endsWith("*") && !p.endsWith(".*") ? p.substring(0, p.length() - 1) + ".*" : p);
            } else if (p.endsWith(".*")) {
                clauses.add("==" + p);
            } else if (p.endsWith("*")) {
                clauses.add("==" + p.substring(0, p.length() - 1).replaceAll("\\.$", "") + ".*");
            } else {
                clauses.add("==" + p + (fuzzy ? ".*" : ""));
            }
        }
        return String.join(",", clauses);
    }
}
