package dev.fitcheck.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line, read token by token with Jackson's
 * YAML parser (a tree from the object mapper would drop the lines).
 */
final class LocatedYaml {

    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    /** A scalar as written; {@code value} is null for a YAML null. */
    record Scalar(String value, int line) implements Node {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** Keys in document order; {@code keyLines} says where each key is written. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
    }

    private static final YAMLFactory YAML = new YAMLFactory();

    private LocatedYaml() {
    }

    /** @return the document's root, or null for an empty document */
    static Node parse(String text, Path file) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            return t == null ? null : node(p, t);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            throw new InputError(SourceLocation.of(file, line), "YAML syntax error: " + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "cannot read YAML: " + e.getMessage(), e);
        }
    }

    /**
     * SnakeYAML's message is a context line, its mark, the problem and its mark; the problem is the
     * part a user can act on ("expected <block end>, but found '-'").
     */
    static String problem(String message) {
        if (message == null) {
            return "unreadable";
        }
        String problem = null;
        for (String line : message.lines().toList()) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line.strip();
            }
        }
        return problem == null ? PyprojectReader.firstLine(message) : PyprojectReader.firstLine(problem);
    }

    private static Node node(JsonParser p, JsonToken t) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    keyLines.put(key, p.currentTokenLocation().getLineNr());
                    entries.put(key, node(p, p.nextToken()));
                }
                return new Mapping(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(p, t));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(p.getText(), line);
            }
        }
    }
}
