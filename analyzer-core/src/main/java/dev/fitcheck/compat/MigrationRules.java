package dev.fitcheck.compat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The migrations of rules/migrations/*.yaml: removed symbol to replacement, per package. */
public final class MigrationRules {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<MigrationRule> rules;

    public MigrationRules(List<MigrationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    record Document(String distribution, List<Entry> migrations) {
    }

    record Entry(String symbol, String removedIn, String replacement, String how, String effort, List<String> references) {
    }

    public static MigrationRules load(Path dir) {
        List<MigrationRule> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new MigrationRules(out);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Document d;
                try {
                    d = MAPPER.readValue(f.toFile(), Document.class);
                } catch (JsonProcessingException e) {
                    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                    throw new InputError(SourceLocation.of(f, line), "invalid migration rules: " + e.getOriginalMessage());
                }
                for (Entry e : d.migrations()) {
                    out.add(new MigrationRule(d.distribution(), e.symbol(), e.removedIn(), e.replacement(), e.how(),
                            e.effort(), e.references() == null ? List.of() : e.references()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrationRules(out);
    }

    public List<MigrationRule> all() {
        return rules;
    }

    /** The rule for a symbol, by its qualified name ({@code transformers.cache_utils.HybridCache}). */
    public Optional<MigrationRule> forSymbol(String distribution, String qualifiedName) {
        return rules.stream().filter(r -> r.distribution().equals(distribution) && r.symbol().equals(qualifiedName))
                .findFirst();
    }
}
