package dev.fitcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.python.ImportCondition;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeGateTest {

    private final DrawnHistory transformers = DrawnHistory.parse("transformers", """
            releases: 4.44.2 4.47.0 4.48.0 4.57.6 5.0.0
            name    transformers.models.mistral.modeling_mistral.MistralFlashAttention2 x x . . .
            name    transformers.cache_utils.HybridCache                                x x x x .
            name    transformers.cache_utils.DynamicCache                               x x x x x
            name    transformers.BitsAndBytesConfig                                     x x x x x
            keyword transformers.BitsAndBytesConfig load_in_4bit                         x x x x x
            keyword transformers.BitsAndBytesConfig bnb_4bit_quant_type                  x x x x .
            """);

    private static SymbolReference ref(String path, ReferenceKind kind, String file, int line, String keyword) {
        return new SymbolReference(path, kind, ImportCondition.REQUIRED, Optional.ofNullable(keyword),
                SourceLocation.of(Path.of(file), line));
    }

    @Test
    void everyBreakWithItsLineAndReason() {
        InferredRange seven = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.IMPORT_NAME, "mistral.py", 24, null),
                ref("transformers.cache_utils.DynamicCache", ReferenceKind.IMPORT_NAME, "mistral.py", 28, null)));
        InferredRange nine = new RangeInference().infer(transformers, List.of(
                ref("transformers.cache_utils.HybridCache", ReferenceKind.IMPORT_NAME, "gemma.py", 31, null),
                ref("transformers.BitsAndBytesConfig", ReferenceKind.KEYWORD_ARGUMENT, "builder.py", 40, "bnb_4bit_quant_type")));
        Constraint pin = new Constraint("vidi-9b", "transformers", SpecifierSet.parse("==4.50.0").toVersionSet(),
                ConstraintSource.DECLARED, "declared", SourceLocation.of(Path.of("requirements.txt"), 1));

        GateResult r = new UpgradeGate().check("transformers", Version.parse("5.0.0"), transformers.releases(), List.of(
                new UpgradeGate.ModelEvidence("vidi-7b", Optional.of(seven), List.of()),
                new UpgradeGate.ModelEvidence("vidi-9b", Optional.of(nine), List.of(pin))));

        assertThat(r.passed()).isFalse();
        assertThat(r.breaks()).extracting(b -> b.model() + " " + b.location().display() + " " + b.kind() + ": " + b.reason())
                .containsExactly(
                        "vidi-7b mistral.py:24 MISSING_SYMBOL: MistralFlashAttention2 is not in transformers 5.0.0 (removed in 4.48.0)",
                        "vidi-9b builder.py:40 REJECTED_KEYWORD: BitsAndBytesConfig(bnb_4bit_quant_type=) is not accepted by transformers 5.0.0 (removed in 5.0.0)",
                        "vidi-9b gemma.py:31 MISSING_SYMBOL: HybridCache is not in transformers 5.0.0 (removed in 5.0.0)",
                        "vidi-9b requirements.txt:1 PIN_EXCLUDES: transformers 5.0.0 is outside ==4.50.0 (declared)");
    }

    @Test
    void aReleaseInsideEveryRangePasses() {
        InferredRange nine = new RangeInference().infer(transformers, List.of(
                ref("transformers.cache_utils.HybridCache", ReferenceKind.IMPORT_NAME, "gemma.py", 31, null)));
        GateResult r = new UpgradeGate().check("transformers", Version.parse("4.57.6"), transformers.releases(),
                List.of(new UpgradeGate.ModelEvidence("vidi-9b", Optional.of(nine), List.of())));
        assertThat(r.passed()).isTrue();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void anUncataloguedReleaseIsSaidNotGuessed() {
        GateResult r = new UpgradeGate().check("transformers", Version.parse("9.0.0"), transformers.releases(), List.of());
        assertThat(r.notes()).singleElement().asString().contains("9.0.0 is not in the catalogue");
    }
}
