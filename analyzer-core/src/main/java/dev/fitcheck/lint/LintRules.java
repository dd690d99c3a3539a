package dev.fitcheck.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads rules/lints.yaml. */
public final class LintRules {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LintRules() {
    }

    record Document(List<Raw> lints) {
    }

    record Raw(String id, String title, String packageName, String call, List<List<String>> conflicts,
            String failsIn, String message, String help, String evidence, List<String> maskedBy) {
    }

    public static List<LintRule> load(Path file) {
        try {
            Document d = MAPPER.readValue(Files.readString(file), Document.class);
            return d.lints().stream().map(r -> {
                if (r.conflicts() == null || r.conflicts().stream().anyMatch(p -> p.size() != 2)) {
                    throw new InputError(SourceLocation.wholeFile(file),
                            "lint '" + r.id() + "' needs 'conflicts': a list of keyword pairs");
                }
                return new LintRule(r.id(), r.title(), r.packageName(), r.call(), r.conflicts(), r.failsIn(),
                        r.message(), r.help(), r.evidence(), r.maskedBy() == null ? List.of() : r.maskedBy());
            }).toList();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(SourceLocation.of(file, line), "invalid lint rules: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
