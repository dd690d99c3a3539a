package dev.fitcheck.memory.arch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A config.json with the line of every key, so that a missing or mistyped hyper-parameter is an
 * {@link InputError} that names the file and line. Getters take a JSON pointer ("/vision_config/hidden_size").
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private ConfigJson(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    public static ConfigJson read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputError(SourceLocation.wholeFile(file), "no such config file; expected a config.json");
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "cannot be read: " + e.getMessage());
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new InputError(SourceLocation.of(file, 1), "expected a JSON object of hyper-parameters");
            }
            return new ConfigJson(file, root, index(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new InputError(SourceLocation.of(file, line), "JSON syntax error: "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private static Map<String, Integer> index(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != null) {
                walk(p, "", lines);
            }
        } catch (IOException e) {
            // readTree above already parsed the text; an index failure leaves line 1 for every key
        }
        return lines;
    }

    private static void walk(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + p.currentName();
                lines.put(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                walk(p, child, lines);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, pointer + "/" + i++, lines);
            }
        }
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The same file seen from a nested object ("/vision_config"), for configs that wrap their tower's. */
    public ConfigJson at(String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isObject()) {
            throw error(pointer, "expected an object at '" + pointer.substring(1) + "'");
        }
        Map<String, Integer> shifted = new HashMap<>();
        lines.forEach((k, v) -> {
            if (k.startsWith(pointer)) {
                shifted.put(k.substring(pointer.length()), v);
            }
        });
        return new ConfigJson(file, node, shifted);
    }

    public boolean has(String pointer) {
        return !root.at(pointer).isMissingNode() && !root.at(pointer).isNull();
    }

    public InputError error(String pointer, String sentence) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return new InputError(SourceLocation.of(file, line), sentence);
            }
            if (p.isEmpty()) {
                return new InputError(SourceLocation.of(file, 1), sentence);
            }
        }
    }

    public String string(String pointer) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            throw error(pointer, "missing '" + key(pointer) + "'");
        }
        if (!n.isTextual()) {
            throw error(pointer, "'" + key(pointer) + "' must be a string");
        }
        return n.asText();
    }

    public Optional<String> optionalString(String pointer) {
        return has(pointer) ? Optional.of(string(pointer)) : Optional.empty();
    }

    /** A positive integer hyper-parameter; {@code what} says what it is for the error sentence. */
    public int positiveInt(String pointer, String what) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            throw error(pointer, "missing '" + key(pointer) + "': expected " + what);
        }
        if (!n.isIntegralNumber() || n.asLong() <= 0 || n.asLong() > Integer.MAX_VALUE) {
            throw error(pointer, "'" + key(pointer) + "' must be a positive integer (" + what + "), got " + n);
        }
        return n.asInt();
    }

    public int positiveInt(String pointer, String what, int fallback) {
        return has(pointer) ? positiveInt(pointer, what) : fallback;
    }

    public OptionalInt optionalPositiveInt(String pointer, String what) {
        return has(pointer) ? OptionalInt.of(positiveInt(pointer, what)) : OptionalInt.empty();
    }

    public int integer(String pointer, String what, int fallback) {
        if (!has(pointer)) {
            return fallback;
        }
        JsonNode n = root.at(pointer);
        if (!n.isIntegralNumber()) {
            throw error(pointer, "'" + key(pointer) + "' must be an integer (" + what + "), got " + n);
        }
        return n.asInt();
    }

    public double positiveNumber(String pointer, String what, double fallback) {
        if (!has(pointer)) {
            return fallback;
        }
        JsonNode n = root.at(pointer);
        if (!n.isNumber() || n.asDouble() <= 0) {
            throw error(pointer, "'" + key(pointer) + "' must be a positive number (" + what + "), got " + n);
        }
        return n.asDouble();
    }

    public boolean bool(String pointer, boolean fallback) {
        if (!has(pointer)) {
            return fallback;
        }
        JsonNode n = root.at(pointer);
        if (!n.isBoolean()) {
            throw error(pointer, "'" + key(pointer) + "' must be true or false, got " + n);
        }
        return n.asBoolean();
    }

    private static String key(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
