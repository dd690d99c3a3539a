package dev.fitcheck.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of rules/errors.yaml, in file order, read strictly (an unknown key is a mistake). */
public final class FailureRules {

    record Raw(List<RawRule> rules) {
    }

    record RawRule(String id, String title, String category, List<String> match, List<Integer> exitCodes,
            String cause, String diagnosis, String fix) {
    }

    private final List<FailureRule> rules;

    public FailureRules(List<FailureRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<FailureRule> rules() {
        return rules;
    }

    /** The rules bundled with fitcheck (rules/errors.yaml, copied onto the class path at build time). */
    public static FailureRules bundled() {
        try (InputStream in = FailureRules.class.getClassLoader().getResourceAsStream("rules/errors.yaml")) {
            if (in == null) {
                throw new IllegalStateException("rules/errors.yaml is not on the class path");
            }
            return parse(in, "rules/errors.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FailureRules parse(InputStream in, String name) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Raw raw = yaml.readValue(in, Raw.class);
        List<FailureRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RawRule r : raw.rules()) {
            if (r.id() == null || !ids.add(r.id())) {
                throw new IllegalStateException(name + ": a rule without an id, or a repeated id: " + r.id());
            }
            if (r.diagnosis() == null || r.fix() == null || r.title() == null || r.category() == null) {
                throw new IllegalStateException(name + ": rule " + r.id() + " needs title, category, diagnosis and fix");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String m : r.match() == null ? List.<String>of() : r.match()) {
                try {
                    patterns.add(Pattern.compile(m));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(name + ": rule " + r.id() + " has a bad pattern: " + e.getMessage(), e);
                }
            }
            List<Integer> codes = r.exitCodes() == null ? List.of() : r.exitCodes();
            if (patterns.isEmpty() && codes.isEmpty()) {
                throw new IllegalStateException(name + ": rule " + r.id() + " has neither match nor exit_codes");
            }
            if (r.cause() != null && !r.cause().equals("before")) {
                throw new IllegalStateException(name + ": rule " + r.id() + ": cause must be 'before'");
            }
            rules.add(new FailureRule(r.id(), r.title(), r.category(), patterns, codes, "before".equals(r.cause()),
                    r.diagnosis(), r.fix()));
        }
        return new FailureRules(rules);
    }
}
