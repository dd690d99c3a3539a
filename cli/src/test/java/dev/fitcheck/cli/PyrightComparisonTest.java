package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fitcheck.cli.peer.AcceptedDifference;
import dev.fitcheck.cli.peer.ApiComplaint;
import dev.fitcheck.cli.peer.Pyright;
import dev.fitcheck.cli.peer.PyrightComparison;
import dev.fitcheck.cli.peer.PyrightDiagnostic;
import dev.fitcheck.cli.peer.ReleaseFinding;
import dev.fitcheck.cli.peer.ReleaseVenv;
import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.InferredRange;
import dev.fitcheck.compat.SourceAnalysis;
import dev.fitcheck.compat.SourceAnalyzer;
import dev.fitcheck.lint.LintRules;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * fitcheck against pyright on the two Vidi model trees: pyright (pinned, from npm) checks each tree
 * against a venv that holds one real transformers release and nothing else; every complaint it
 * makes about transformers' API on that release must be one that fitcheck reports too, from the
 * one inference that covers every catalogued release at once. The other direction (what fitcheck
 * reports that pyright does not) is written to target/pyright-comparison.md.
 *
 * <p>Needs node and npm (skipped without them) and the network the first time (pyright and the
 * releases are cached under ~/.cache/fitcheck). About a minute: pyright takes 10 to 30 s a run.
 */
@Tag("network")
class PyrightComparisonTest {

    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "fitcheck");
    static final Path VIDI = CliRun.REPO.resolve("fixtures/vidi");
    static final List<String> RELEASES = List.of("4.44.2", "4.57.6");
    static final List<String> TREES = List.of("Vidi_7B", "Vidi1.5_9B");

    /**
     * Complaints fitcheck does not make, each with the reason the code runs anyway. The test fails
     * when one of them stops occurring, so the list cannot outlive its cause.
     */
    static final List<AcceptedDifference> ACCEPTED = List.of(
            new AcceptedDifference("vidi/model/lmm/dattn/utils.py", 38, "transformers.modeling_flash_attention_utils",
                    "pyright: `import transformers` alone does not bind the submodule as an attribute. At run time it "
                            + "is bound: transformers' lazy top-level module (_LazyModule.__getattr__, both releases) "
                            + "imports a submodule listed in its import structure on first access, and any earlier "
                            + "import of the submodule (xattn.py:28 imports from it) binds it too. fitcheck resolves "
                            + "the whole chain, transformers.modeling_flash_attention_utils._get_unpad_data, which every "
                            + "catalogued release from 4.43.0 has, so on 4.44.2 and 4.57.6 it reports nothing there."));

    /** What pyright 1.1.414 says per release and tree, and fitcheck's answer to each: the comparison is never vacuous. */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "4.44.2", List.of(
                    "Vidi_7B model/lmm/dattn/xattn.py:30 UNKNOWN_IMPORT_SYMBOL transformers.modeling_flash_attention_utils.FlashAttentionKwargs -> NOT_BINDING (TYPE_ONLY)",
                    "Vidi1.5_9B vidi/model/lmm/dattn/gemma.py:34 UNKNOWN_IMPORT_SYMBOL transformers.processing_utils.Unpack -> OUTSIDE_RANGE",
                    "Vidi1.5_9B vidi/model/lmm/dattn/gemma.py:35 UNKNOWN_IMPORT_SYMBOL transformers.modeling_flash_attention_utils.FlashAttentionKwargs -> OUTSIDE_RANGE",
                    "Vidi1.5_9B vidi/model/lmm/dattn/utils.py:38 MODULE_ATTRIBUTE transformers.modeling_flash_attention_utils -> accepted",
                    "Vidi1.5_9B vidi/model/lmm/dattn/xattn.py:28 UNKNOWN_IMPORT_SYMBOL transformers.modeling_flash_attention_utils.fa_peft_integration_check -> OUTSIDE_RANGE",
                    "Vidi1.5_9B vidi/model/lmm/dattn/xattn.py:36 UNKNOWN_IMPORT_SYMBOL transformers.modeling_flash_attention_utils.flash_attn_supports_top_left_mask -> NOT_BINDING (OPTIONAL)"),
            "4.57.6", List.of(
                    "Vidi_7B model/lmm/dattn/mistral.py:24 UNKNOWN_IMPORT_SYMBOL transformers.models.mistral.modeling_mistral.MistralFlashAttention2 -> OUTSIDE_RANGE",
                    "Vidi1.5_9B vidi/model/lmm/dattn/utils.py:38 MODULE_ATTRIBUTE transformers.modeling_flash_attention_utils -> accepted",
                    "Vidi1.5_9B vidi/train/vidi_trainer.py:90 UNDEFINED_STAR_NAME transformers.trainer.ALL_LAYERNORM_LAYERS -> OUTSIDE_RANGE"));

    /**
     * The other direction: what fitcheck reports for the same release that pyright's import checks
     * do not. pyright stops at the failed import (the base class becomes Unknown, so its members are
     * never looked up) and reports a removed keyword as a call error, not as missing API.
     */
    static final Map<String, List<String>> FITCHECK_ONLY = Map.of(
            "4.44.2", List.of(
                    "Vidi1.5_9B OUTSIDE_RANGE KEYWORD_ARGUMENT Gemma2RotaryEmbedding(config=) vidi/model/lmm/dattn/gemma.py:176"),
            "4.57.6", List.of(
                    "Vidi_7B OUTSIDE_RANGE BASE_CLASS MistralFlashAttention2 model/lmm/dattn/mistral.py:43",
                    "Vidi_7B OUTSIDE_RANGE MEMBER q_proj model/lmm/dattn/mistral.py:55",
                    "Vidi_7B OUTSIDE_RANGE MEMBER k_proj model/lmm/dattn/mistral.py:61",
                    "Vidi_7B OUTSIDE_RANGE MEMBER v_proj model/lmm/dattn/mistral.py:62",
                    "Vidi_7B OUTSIDE_RANGE MEMBER o_proj model/lmm/dattn/mistral.py:77"));

    @Test
    void everyTransformersComplaintOfPyrightIsOneFitcheckMakesForThatRelease() throws IOException {
        Optional<Pyright> pyright = Pyright.installed(CACHE.resolve("pyright"));
        assumeTrue(pyright.isPresent(), "node and npm are needed to install pyright");
        assertThat(pyright.get().version()).contains(Pyright.VERSION);

        Path rules = CliRun.REPO.resolve("rules");
        ApiHistories histories = Catalogues.histories(rules);
        ApiHistory transformers = histories.byDistribution("transformers").orElseThrow();
        SourceAnalyzer analyzer = new SourceAnalyzer(histories, LintRules.load(rules.resolve("lints.yaml")));
        Map<String, SourceAnalysis> analyses = new TreeMap<>();
        for (String tree : TREES) analyses.put(tree, analyzer.analyze(List.of(VIDI.resolve(tree))));

        Summary summary = new Summary(transformers, analyses);
        Set<AcceptedDifference> seen = new LinkedHashSet<>();
        for (String release : RELEASES) {
            int index = transformers.releases().indexOf(Version.parse(release));
            assertThat(index).as("transformers %s is catalogued", release).isNotNegative();
            ReleaseVenv venv = ReleaseVenv.of(CACHE.resolve("release-venvs"), "transformers", release);
            List<String> rows = new ArrayList<>();
            List<String> onlyFitcheck = new ArrayList<>();
            for (String tree : TREES) {
                Path root = VIDI.resolve(tree);
                List<PyrightDiagnostic> diagnostics = pyright.get().check(root, venv.python());
                List<ApiComplaint> complaints = complaints(diagnostics);
                InferredRange range = analyses.get(tree).inferred().get("transformers");
                PyrightComparison c = PyrightComparison.of(root, complaints,
                        ReleaseFinding.of(range, transformers, index), ACCEPTED);

                assertThat(c.missed()).as("pyright complaints about transformers %s in %s that fitcheck does not report",
                        release, tree).isEmpty();
                c.matched().forEach(m -> rows.add(row(tree, root, m.complaint()) + " -> " + m.finding().how()
                        + (m.finding().how() == ReleaseFinding.How.NOT_BINDING
                                ? " (" + m.finding().reference().condition() + ")" : "")));
                c.accepted().forEach(a -> rows.add(row(tree, root, a.complaint()) + " -> accepted"));
                c.accepted().forEach(a -> seen.add(a.difference()));
                c.fitcheckOnly().forEach(f -> onlyFitcheck.add(tree + " " + f.how() + " " + f.reference().kind() + " "
                        + f.reference().display() + " " + f.reference().location().relativeTo(root).lineDisplay()));
                summary.add(release, tree, c, diagnostics);
            }
            assertThat(rows).as("pyright %s on transformers %s", Pyright.VERSION, release)
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.get(release));
            assertThat(onlyFitcheck).as("reported by fitcheck on transformers %s, not by pyright", release)
                    .containsExactlyInAnyOrderElementsOf(FITCHECK_ONLY.get(release));
        }
        assertThat(seen).as("accepted differences that still occur").containsExactlyInAnyOrderElementsOf(ACCEPTED);

        Path out = CliRun.REPO.resolve("cli/target/pyright-comparison.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary.markdown());
    }

    private static List<ApiComplaint> complaints(List<PyrightDiagnostic> diagnostics) throws IOException {
        List<ApiComplaint> out = new ArrayList<>();
        for (PyrightDiagnostic d : diagnostics) {
            ApiComplaint.read(d, "transformers", Files.readString(d.file())).ifPresent(out::add);
        }
        return out;
    }

    private static String row(String tree, Path root, ApiComplaint c) {
        return tree + " " + c.diagnostic().where(root) + " " + c.kind() + " " + c.path();
    }

    /** The comparison in both directions, as a page a person reads. */
    static final class Summary {
        private final ApiHistory history;
        private final Map<String, SourceAnalysis> analyses;
        private final StringBuilder body = new StringBuilder();

        Summary(ApiHistory history, Map<String, SourceAnalysis> analyses) {
            this.history = history;
            this.analyses = analyses;
        }

        void add(String release, String tree, PyrightComparison c, List<PyrightDiagnostic> diagnostics) {
            Path root = c.root();
            body.append("\n### transformers ").append(release).append(", ").append(tree).append("\n\n");
            body.append("| pyright | at | fitcheck |\n| --- | --- | --- |\n");
            c.matched().forEach(m -> body.append("| ").append(m.complaint().kind()).append(" `")
                    .append(m.complaint().path()).append("` | ").append(m.complaint().diagnostic().where(root))
                    .append(" | ").append(describe(m.finding())).append(" |\n"));
            c.accepted().forEach(a -> body.append("| ").append(a.complaint().kind()).append(" `")
                    .append(a.complaint().path()).append("` | ").append(a.complaint().diagnostic().where(root))
                    .append(" | not reported (accepted: ").append(a.difference().reason()).append(") |\n"));
            if (c.matched().isEmpty() && c.accepted().isEmpty()) body.append("| (none) | | |\n");
            Map<String, List<ReleaseFinding>> onlyFitcheck = c.fitcheckOnly().stream()
                    .collect(Collectors.groupingBy(f -> f.how() + " " + f.reference().kind(), TreeMap::new, Collectors.toList()));
            body.append("\nReported by fitcheck for this release and not by pyright: ")
                    .append(c.fitcheckOnly().size()).append("\n\n");
            onlyFitcheck.forEach((k, fs) -> body.append("- ").append(k).append(" (").append(fs.size()).append("): ")
                    .append(fs.stream().limit(6).map(f -> f.reference().display() + " "
                            + f.reference().location().relativeTo(root).lineDisplay() + elsewhere(f, diagnostics))
                            .collect(Collectors.joining(", ")))
                    .append(fs.size() > 6 ? ", ..." : "").append("\n"));
        }

        /** What pyright says on the finding's line under rules the comparison does not collect, if anything. */
        private static String elsewhere(ReleaseFinding f, List<PyrightDiagnostic> diagnostics) {
            List<String> rules = diagnostics.stream()
                    .filter(d -> d.line() == f.reference().location().line()
                            && d.file().toAbsolutePath().normalize().equals(f.reference().location().file().toAbsolutePath().normalize()))
                    .map(d -> d.rule() + ": " + d.message().lines().findFirst().orElse(""))
                    .distinct().toList();
            return rules.isEmpty() ? " (pyright: nothing on this line)" : " (pyright on this line: " + String.join("; ", rules) + ")";
        }

        private static String describe(ReleaseFinding f) {
            SymbolReference r = f.reference();
            return switch (f.how()) {
                case OUTSIDE_RANGE -> "release outside the inferred range: " + r.kind() + " " + r.display();
                case NOT_BINDING -> "not binding (" + r.condition() + "), the release lacks " + r.display();
                case UNKNOWN -> "unknown name " + r.path();
            };
        }

        String markdown() {
            StringBuilder s = new StringBuilder("# fitcheck and pyright " + Pyright.VERSION + " on fixtures/vidi\n\n");
            s.append("Generated by `PyrightComparisonTest`. pyright checks each tree once per release, against a venv ")
                    .append("holding that transformers release alone; fitcheck infers once, over all ")
                    .append(history.releases().size()).append(" catalogued releases (").append(history.releases().get(0))
                    .append(" to ").append(history.releases().get(history.releases().size() - 1)).append(").\n\n");
            s.append("| tree | fitcheck's inferred transformers range | lower bound | upper bound |\n| --- | --- | --- | --- |\n");
            analyses.forEach((tree, a) -> {
                InferredRange r = a.inferred().get("transformers");
                Path root = VIDI.resolve(tree);
                s.append("| ").append(tree).append(" | ").append(r.range()).append(" | ")
                        .append(r.lower().map(b -> b.symbol() + " " + b.reference().location().relativeTo(root).lineDisplay()).orElse("-"))
                        .append(" | ")
                        .append(r.upper().map(b -> b.symbol() + " " + b.reference().location().relativeTo(root).lineDisplay()).orElse("-"))
                        .append(" |\n");
            });
            return s.append(body).toString();
        }
    }
}
