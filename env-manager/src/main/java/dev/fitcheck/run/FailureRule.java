package dev.fitcheck.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signature of rules/errors.yaml: patterns (or exit codes) and the texts they lead to. */
public record FailureRule(String id, String title, String category, List<Pattern> patterns, List<Integer> exitCodes,
        boolean causeBefore, String diagnosis, String fix) {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public FailureRule {
        patterns = List.copyOf(patterns);
        exitCodes = List.copyOf(exitCodes);
    }

    /** The first pattern that finds something in {@code line}. */
    Optional<Matcher> match(String line) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(line);
            if (m.find()) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** The named groups of {@code m} that matched, plus "match", the whole matched text. */
    Map<String, String> figures(Matcher m) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        Matcher names = GROUP_NAME.matcher(m.pattern().pattern());
        while (names.find()) {
            String g = m.group(names.group(1));
            if (g != null) f.put(names.group(1), g);
        }
        f.put("match", m.group());
        return f;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
