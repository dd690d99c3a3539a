package dev.fitcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.python.ImportCondition;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prebuilt transformers catalogue as inference reads it, with the reference case's own symbols. */
class CatalogueHistoryTest {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();
    static CatalogueHistory transformers;

    @BeforeAll
    static void load() {
        transformers = new CatalogueHistory(CatalogueStore.read(REPO.resolve("rules/catalogues/transformers.json.gz")));
    }

    private static SymbolReference ref(String path, ReferenceKind kind, int line) {
        return new SymbolReference(path, kind, ImportCondition.REQUIRED, Optional.empty(), SourceLocation.of(Path.of("m/a.py"), line));
    }

    @Test
    void aDottedPathIsSplitWhereTheModuleEnds() {
        SymbolPresence p = transformers.presence("transformers.models.mistral.modeling_mistral.MistralFlashAttention2").orElseThrow();
        assertThat(p.module()).isEqualTo("transformers.models.mistral.modeling_mistral");
        assertThat(p.name()).contains("MistralFlashAttention2");
        assertThat(p.member()).isEmpty();
        SymbolPresence m = transformers.presence("transformers.LlamaForCausalLM.generate").orElseThrow();
        assertThat(m.module()).isEqualTo("transformers");
        assertThat(m.member()).contains("generate");
        assertThat(transformers.presence("transformers.NoSuchThingAnywhere")).isEmpty();
    }

    @Test
    void inferenceOverTheRealHistoryGivesTheReferenceCasesBounds() {
        InferredRange r = new RangeInference().infer(transformers, List.of(
                ref("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", ReferenceKind.IMPORT_NAME, 24),
                ref("transformers.modeling_flash_attention_utils.FlashAttentionKwargs", ReferenceKind.IMPORT_NAME, 35)));
        assertThat(r.range()).hasToString(">=4.47.0,<4.48.0");
        assertThat(r.allowedReleasesNewestFirst()).extracting(Version::toString).containsExactly("4.47.1", "4.47.0");
    }

    @Test
    void keywordsAndRequirementsPerRelease() {
        int i = transformers.releases().indexOf(Version.parse("4.44.2"));
        assertThat(transformers.acceptsKeyword("transformers.BitsAndBytesConfig", "bnb_4bit_quant_storage").orElseThrow().get(i)).isTrue();
        assertThat(transformers.requirementsOn("huggingface_hub")).containsKey(i);
        assertThat(transformers.requirementsOn("huggingface-hub").get(i)).contains("0.23.2");
        assertThat(transformers.requirementsOn("torch")).doesNotContainKey(i); // torch is behind an extra
    }
}
