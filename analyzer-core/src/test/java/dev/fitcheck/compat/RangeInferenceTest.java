package dev.fitcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.python.Guard;
import dev.fitcheck.python.ImportCondition;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.python.SymbolReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeInferenceTest {

    private final DrawnHistory transformers = DrawnHistory.parse("transformers", """
            releases: 4.40.0 4.44.2 4.47.0 4.48.0 4.50.0 5.0.0
            module  transformers.models.mistral.modeling_mistral                        x x x x x x
            name    transformers.models.mistral.modeling_mistral.MistralFlashAttention2 x x x . . .
            name    transformers.models.mistral.modeling_mistral.MistralModel           x x x x x x
            name    transformers.modeling_flash_attention_utils.FlashAttentionKwargs    . . x x x x
            name    transformers.cache_utils.HybridCache                                x x x x x .
            name    transformers.trainer.get_parameter_names                            x x x x x x
            name    transformers.trainer_pt_utils.get_parameter_names                   . . . . . x
            name    transformers.BitsAndBytesConfig                                     x x x x x x
            keyword transformers.BitsAndBytesConfig bnb_4bit_quant_storage               . x x x x x
            """);

    private static SymbolReference ref(String path, ReferenceKind kind, int line) {
        return ref(path, kind, line, ImportCondition.REQUIRED, null);
    }

    private static SymbolReference ref(String path, ReferenceKind kind, int line, ImportCondition c, String keyword) {
        return new SymbolReference(path, kind, c, Optional.ofNullable(keyword), SourceLocation.of(Path.of("m/a.py"), line));
    }

    @Test
    void removalSetsTheUpperBoundWithItsImportLine() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralModel", ReferenceKind.IMPORT_NAME, 3),
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.BASE_CLASS, 40),
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.IMPORT_NAME, 24)));
        assertThat(r.range()).hasToString(">=4.40.0,<4.48.0");
        assertThat(r.lower()).isEmpty();
        assertThat(r.upper().orElseThrow().explain())
                .isEqualTo("upper bound <4.48.0: MistralFlashAttention2, m/a.py:24");
        assertThat(r.allowedReleasesNewestFirst()).extracting(Object::toString).containsExactly("4.47.0", "4.44.2", "4.40.0");
    }

    @Test
    void additionAndRemovalGiveBothBounds() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.modeling_flash_attention_utils.FlashAttentionKwargs", ReferenceKind.IMPORT_NAME, 35),
                ref("transformers.cache_utils.HybridCache", ReferenceKind.IMPORT_NAME, 31)));
        assertThat(r.range()).hasToString(">=4.47.0,<5.0.0");
        assertThat(r.lower().orElseThrow().explain()).isEqualTo("lower bound >=4.47.0: FlashAttentionKwargs, m/a.py:35");
        assertThat(r.upper().orElseThrow().explain()).isEqualTo("upper bound <5.0.0: HybridCache, m/a.py:31");
    }

    @Test
    void keywordArgumentsBoundByTheReleasesThatAcceptThem() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.BitsAndBytesConfig", ReferenceKind.KEYWORD_ARGUMENT, 7, ImportCondition.REQUIRED,
                        "bnb_4bit_quant_storage")));
        assertThat(r.range()).hasToString(">=4.44.2");
        assertThat(r.lower().orElseThrow().explain())
                .isEqualTo("lower bound >=4.44.2: BitsAndBytesConfig(bnb_4bit_quant_storage=), m/a.py:7");
    }

    @Test
    void aKeywordToACalleeWithoutACataloguedSignatureIsNeitherBoundNorUnknown() {
        // peft's LoraConfig is a dataclass: no signature in the catalogue, yet the name exists.
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralModel", ReferenceKind.KEYWORD_ARGUMENT, 8,
                        ImportCondition.REQUIRED, "config")));
        assertThat(r.unknown()).isEmpty();
        assertThat(r.resolved()).isEmpty();
        assertThat(r.range()).hasToString(">=4.40.0");
    }

    @Test
    void unknownNamesAndOptionalImportsNeverBound() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention3", ReferenceKind.IMPORT_NAME, 5),
                ref("transformers.cache_utils.HybridCache", ReferenceKind.IMPORT_NAME, 6, ImportCondition.OPTIONAL, null),
                ref("torch.nn.Linear", ReferenceKind.ATTRIBUTE, 9)));
        assertThat(r.range()).hasToString(">=4.40.0");
        assertThat(r.unknown()).extracting(SymbolReference::display).containsExactly("MistralFlashAttention3");
        assertThat(r.nonBinding()).extracting(SymbolReference::display).containsExactly("HybridCache");
        assertThat(r.upper()).isEmpty();
    }

    @Test
    void starNamesAreSatisfiedByAnyStarModule() {
        // get_parameter_names moved out of transformers.trainer in 5.0.0 in this drawing, but a
        // second star import supplies it there: no bound.
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.trainer.get_parameter_names", ReferenceKind.STAR_NAME, 12),
                ref("transformers.trainer_pt_utils.get_parameter_names", ReferenceKind.STAR_NAME, 12)));
        assertThat(r.range()).hasToString(">=4.40.0");
        assertThat(r.upper()).isEmpty();
    }

    @Test
    void disjointSymbolsGiveAnEmptyRange() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.IMPORT_NAME, 1),
                ref("transformers.trainer_pt_utils.get_parameter_names", ReferenceKind.IMPORT_NAME, 2)));
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.range().isEmpty()).isTrue();
    }

    private static SymbolReference guarded(String path, int line, Guard... guards) {
        return new SymbolReference(path, ReferenceKind.IMPORT_NAME, ImportCondition.REQUIRED, Optional.empty(),
                SourceLocation.of(Path.of("m/a.py"), line), List.of(guards));
    }

    @Test
    void eachSideOfAVersionCheckNeedsItsImportOnlyOnItsSide() {
        // get_parameter_names moved from trainer to trainer_pt_utils in 5.0.0; code that checks the
        // version imports each where it is, and runs on every release.
        Guard five = new Guard(Guard.Kind.VERSION, "transformers", ">=5.0.0", true);
        InferredRange r = new RangeInference().infer(transformers, List.of(
                guarded("transformers.trainer_pt_utils.get_parameter_names", 4, five),
                guarded("transformers.trainer.get_parameter_names", 6, five.negated())));
        assertThat(r.range()).hasToString(">=4.40.0");
        assertThat(r.lower()).isEmpty();
        assertThat(r.upper()).isEmpty();
    }

    @Test
    void aGuardedReferenceStillBoundsWhereTheGuardHolds() {
        // Under ">=4.44.2" the code needs FlashAttentionKwargs, which came in 4.47.0: 4.44.2 cannot run it.
        Guard guard = new Guard(Guard.Kind.VERSION, "transformers", ">=4.44.2", true);
        InferredRange r = new RangeInference().infer(transformers, List.of(
                guarded("transformers.modeling_flash_attention_utils.FlashAttentionKwargs", 5, guard)));
        assertThat(r.allowedReleasesNewestFirst()).extracting(Object::toString)
                .containsExactly("5.0.0", "4.50.0", "4.48.0", "4.47.0", "4.40.0");
    }

    @Test
    void hasattrGuardsFollowTheAttributesOwnHistory() {
        Guard has = new Guard(Guard.Kind.HAS_ATTRIBUTE, "transformers.cache_utils.HybridCache", "", true);
        InferredRange r = new RangeInference().infer(transformers, List.of(
                guarded("transformers.cache_utils.HybridCache", 3, has),
                guarded("transformers.trainer_pt_utils.get_parameter_names", 5, has.negated())));
        assertThat(r.range()).hasToString(">=4.40.0");
    }

    @Test
    void aCheckOfAnotherPackagesVersionDoesNotBound() {
        Guard torch = new Guard(Guard.Kind.VERSION, "torch", ">=2.6", true);
        InferredRange r = new RangeInference().infer(transformers, List.of(
                guarded("transformers.trainer_pt_utils.get_parameter_names", 4, torch)));
        assertThat(r.range()).hasToString(">=4.40.0");
        assertThat(r.nonBinding()).extracting(SymbolReference::condition).containsExactly(ImportCondition.OPTIONAL);
    }

    @Test
    void anEmptyRangeNamesThePairThatCannotMeet() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.trainer_pt_utils.get_parameter_names", ReferenceKind.IMPORT_NAME, 7),
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.IMPORT_NAME, 24)));
        assertThat(r.isEmpty()).isTrue();
        assertThat(RangeInference.newestNeed(r).orElseThrow().explain())
                .isEqualTo("lower bound >=5.0.0: get_parameter_names, m/a.py:7");
        assertThat(RangeInference.earliestRemoval(r).orElseThrow().explain())
                .isEqualTo("upper bound <4.48.0: MistralFlashAttention2, m/a.py:24");
    }
}
