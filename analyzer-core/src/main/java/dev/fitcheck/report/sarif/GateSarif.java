package dev.fitcheck.report.sarif;

import dev.fitcheck.compat.GateBreak;
import dev.fitcheck.compat.GateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gate's breaks as SARIF: one rule per kind of break, one result per break with its region. */
public final class GateSarif {

    private static final Map<GateBreak.Kind, SarifRule> RULES = new EnumMap<>(Map.of(
            GateBreak.Kind.MISSING_SYMBOL, new SarifRule("missing-symbol", "MissingSymbol",
                    "The proposed release lacks a symbol this code uses",
                    "The code imports or uses a module, name or class member that the proposed release of the package "
                            + "does not have; the code fails with ImportError or AttributeError on it.",
                    "Keep the current release, or migrate the code off the symbol (fitcheck analyze lists the "
                            + "replacement when rules/migrations has one).", "error"),
            GateBreak.Kind.REJECTED_KEYWORD, new SarifRule("rejected-keyword", "RejectedKeyword",
                    "The proposed release no longer accepts a keyword argument this code passes",
                    "The callable's signature in the proposed release has neither the parameter nor **kwargs; the call "
                            + "fails with TypeError.", "Drop or rename the keyword argument.", "error"),
            GateBreak.Kind.PIN_EXCLUDES, new SarifRule("pin-excludes", "PinExcludes",
                    "A manifest's pin excludes the proposed release",
                    "The requirement's specifier does not allow the proposed release, so an installer refuses it.",
                    "Change the pin together with the upgrade.", "error"),
            GateBreak.Kind.TRANSITIVE, new SarifRule("transitive-requirement", "TransitiveRequirement",
                    "Another declared package requires a different release",
                    "A package this model declares requires a range of the upgraded package that excludes the proposed "
                            + "release (read from that package's wheel metadata).",
                    "Upgrade that package too, or keep the current release.", "error"),
            GateBreak.Kind.RULE, new SarifRule("rule-violation", "RuleViolation",
                    "A call fails on the proposed release",
                    "A rule of rules/lints.yaml says that this call fails on the proposed release.",
                    "Follow the rule's help text.", "error")));

    private final Path root;

    /** @param root the repository root: locations are written relative to it */
    public GateSarif(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public String write(GateResult result, String toolVersion) {
        Map<GateBreak.Kind, SarifRule> used = new LinkedHashMap<>();
        List<SarifFinding> findings = new ArrayList<>();
        for (GateBreak b : result.breaks()) {
            SarifRule rule = RULES.get(b.kind());
            used.put(b.kind(), rule);
            Path file = b.location().file().isAbsolute() ? b.location().file() : root.resolve(b.location().file());
            String uri = b.location().relativeTo(root).file().toString().replace('\\', '/');
            int line = Math.max(1, b.location().line());
            int start = Math.max(1, b.location().column());
            int end = endColumn(file, line, start, b);
            findings.add(new SarifFinding(rule.id(), b.model() + ": " + b.reason(), uri, line, start, line, end,
                    b.model() + " " + b.symbol()));
        }
        return new SarifWriter(toolVersion).write(new ArrayList<>(used.values()), findings);
    }

    /** The end of the symbol at the location, or of the line when the break is a manifest line. */
    private static int endColumn(Path file, int line, int start, GateBreak b) {
        String lineText = lineOf(file, line);
        if (b.kind() == GateBreak.Kind.PIN_EXCLUDES || b.kind() == GateBreak.Kind.TRANSITIVE || b.location().column() == 0) {
            return Math.max(start + 1, lineText.stripTrailing().length() + 1);
        }
        int i = start - 1;
        int j = i;
        while (j < lineText.length() && (Character.isJavaIdentifierPart(lineText.charAt(j)))) j++;
        return j > i ? j + 1 : start + 1;
    }

    private static String lineOf(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return line - 1 < lines.size() ? lines.get(line - 1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
