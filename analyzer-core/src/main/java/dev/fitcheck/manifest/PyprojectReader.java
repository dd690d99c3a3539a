package dev.fitcheck.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.SpecifierSet;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * PEP 621 metadata in pyproject.toml: {@code [project] dependencies}, each extra of
 * {@code [project.optional-dependencies]} (its requirements get the marker {@code extra == "name"},
 * as they would in the built package's metadata) and {@code requires-python}. Each requirement's
 * line is found in the source, since the TOML tree has none.
 */
public final class PyprojectReader implements ManifestFormatReader {

    private static final TomlMapper TOML = new TomlMapper();

    @Override
    public ManifestResult read(Path file) {
        String text = ManifestText.read(file, null, null);
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            throw new InputError(SourceLocation.of(file, Math.max(line, 0)), "TOML syntax error: " + firstLine(e.getOriginalMessage()));
        }
        ManifestCollector out = new ManifestCollector();
        out.filesRead.add(file);
        TomlStringLocator locate = new TomlStringLocator(text);
        JsonNode project = root == null ? null : root.get("project");
        if (project == null || !project.isObject()) {
            out.warn(SourceLocation.wholeFile(file), root != null && root.has("tool") && root.get("tool").has("poetry")
                    ? "no [project] table: Poetry's [tool.poetry] dependencies are not read"
                    : "no [project] table, so no dependencies are declared");
            return out.result(file, ManifestKind.PYPROJECT);
        }
        int projectLine = locate.header("project");
        JsonNode dynamic = project.get("dynamic");
        if (dynamic != null && dynamic.isArray()) {
            for (JsonNode d : dynamic) {
                if (d.asText().equals("dependencies") || d.asText().equals("optional-dependencies")) {
                    out.warn(SourceLocation.of(file, locate.key(projectLine, "dynamic")),
                            d.asText() + " are dynamic (the build backend computes them) and are not read");
                }
            }
        }
        JsonNode requiresPython = project.get("requires-python");
        if (requiresPython != null) {
            SourceLocation at = SourceLocation.of(file, locate.key(projectLine, "requires-python"));
            if (!requiresPython.isTextual()) {
                throw new InputError(at, "requires-python must be a string such as \">=3.9\"");
            }
            try {
                out.requiresPython = new RequiresPython(SpecifierSet.parse(requiresPython.asText()), at);
            } catch (InvalidSpecifierException e) {
                throw new InputError(at, "requires-python: " + e.getMessage());
            }
        }
        JsonNode dependencies = project.get("dependencies");
        if (dependencies != null) {
            int keyLine = locate.key(projectLine, "dependencies");
            requirements(file, dependencies, "[project] dependencies", keyLine, Optional.empty(), locate, out);
        }
        JsonNode optional = project.get("optional-dependencies");
        if (optional != null) {
            int tableLine = locate.header("project.optional-dependencies");
            int keyLine = tableLine > 0 ? tableLine : locate.key(projectLine, "optional-dependencies");
            if (!optional.isObject()) {
                throw new InputError(SourceLocation.of(file, keyLine), "optional-dependencies must be a table of extra name = [requirements]");
            }
            Iterator<Map.Entry<String, JsonNode>> extras = optional.fields();
            while (extras.hasNext()) {
                Map.Entry<String, JsonNode> extra = extras.next();
                int extraLine = tableLine > 0 ? locate.key(tableLine, extra.getKey()) : 0;
                Marker marker = Marker.parse("extra == \"" + PackageName.normalize(extra.getKey()) + "\"");
                requirements(file, extra.getValue(), "optional dependencies of extra \"" + extra.getKey() + "\"",
                        extraLine > 0 ? extraLine : keyLine, Optional.of(marker), locate, out);
            }
        }
        return out.result(file, ManifestKind.PYPROJECT);
    }

    private static void requirements(Path file, JsonNode list, String what, int keyLine, Optional<Marker> extra,
            TomlStringLocator locate, ManifestCollector out) {
        if (!list.isArray()) {
            throw new InputError(SourceLocation.of(file, keyLine), what + " must be a list of requirement strings");
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw new InputError(SourceLocation.of(file, keyLine), what + " must be a list of requirement strings, not " + item);
            }
            int line = locate.literal(item.asText(), keyLine);
            SourceLocation at = SourceLocation.of(file, line > 0 ? line : keyLine);
            Requirement r;
            try {
                r = Requirement.parse(item.asText(), at);
            } catch (InvalidRequirementException e) {
                throw new InputError(at, e.getMessage());
            }
            if (extra.isPresent()) {
                r = r.withMarker(Optional.of(r.marker().map(m -> m.and(extra.get())).orElse(extra.get())));
            }
            out.requirement(r, false);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.strip().lines().findFirst().orElse("unreadable");
        int sentenceEnd = first.indexOf(". ");
        if (sentenceEnd > 0) {
            first = first.substring(0, sentenceEnd);
        }
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
