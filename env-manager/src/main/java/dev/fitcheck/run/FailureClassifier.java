package dev.fitcheck.run;

import dev.fitcheck.env.EnvironmentContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a failed command from what it printed, with {@link FailureRules}. Every line is tried
 * against the rules in order; the diagnoses come back latest first, since a Python traceback
 * ends with the exception that stopped the program. A wrapper rule ({@code cause: before}) is
 * explained by the error printed before it.
 */
public final class FailureClassifier {

    /** A line that states an exception: "ValueError: ...", "torch.OutOfMemoryError: ...". */
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^\\s*(?:[A-Za-z_][\\w]*\\.)*[A-Za-z_]\\w*(?:Error|Exception|Warning)\\b:?.*\\S");

    private final FailureRules rules;
    private final SymbolHistory history;

    public FailureClassifier(FailureRules rules, SymbolHistory history) {
        this.rules = rules;
        this.history = history;
    }

    private record Hit(FailureRule rule, int line, Matcher matcher) {
    }

    public List<Diagnosis> classify(List<String> lines, int exitCode, Optional<EnvironmentContents> contents) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (FailureRule r : rules.rules()) {
                Optional<Matcher> m = r.match(line);
                if (m.isPresent()) {
                    hits.add(new Hit(r, i, m.get()));
                    break;
                }
            }
        }
        Map<String, Diagnosis> out = new LinkedHashMap<>();
        for (int h = hits.size() - 1; h >= 0; h--) {
            Hit hit = hits.get(h);
            Diagnosis d = diagnose(hit, hits, lines, contents);
            out.putIfAbsent(d.rule() + "\u0000" + d.evidence(), d);
        }
        if (out.isEmpty()) {
            for (FailureRule r : rules.rules()) {
                if (r.exitCodes().contains(exitCode)) {
                    Map<String, String> f = Map.of("exit", Integer.toString(exitCode));
                    out.put(r.id(), new Diagnosis(r.id(), r.title(), r.category(), FailureRule.fill(r.diagnosis(), f),
                            FailureRule.fill(r.fix(), f), f, "exit code " + exitCode));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private Diagnosis diagnose(Hit hit, List<Hit> hits, List<String> lines, Optional<EnvironmentContents> contents) {
        FailureRule r = hit.rule();
        Map<String, String> figures = new LinkedHashMap<>(r.figures(hit.matcher()));
        String evidence = lines.get(hit.line()).strip();
        if (r.id().equals("missing-symbol")) {
            Optional<Diagnosis> d = MissingSymbol.diagnose(evidence, history, contents);
            if (d.isPresent()) {
                return d.get();
            }
        }
        if (r.causeBefore()) {
            figures.put("cause", causeBefore(hit, hits, lines));
        }
        return new Diagnosis(r.id(), r.title(), r.category(), FailureRule.fill(r.diagnosis(), figures),
                FailureRule.fill(r.fix(), figures), figures, evidence);
    }

    /** The nearest recognised failure before a wrapper, else the nearest line that states an exception. */
    private String causeBefore(Hit wrapper, List<Hit> hits, List<String> lines) {
        for (int h = hits.indexOf(wrapper) - 1; h >= 0; h--) {
            Hit earlier = hits.get(h);
            if (!earlier.rule().causeBefore()) {
                return lines.get(earlier.line()).strip() + " (" + earlier.rule().title() + ": "
                        + FailureRule.fill(earlier.rule().fix(), earlier.rule().figures(earlier.matcher())) + ")";
            }
        }
        for (int i = wrapper.line() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (EXCEPTION_LINE.matcher(l).find() && !wrapper.rule().match(l).isPresent()) {
                return l.strip();
            }
        }
        return "(nothing was printed before it)";
    }
}
