package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts about transformers that the prebuilt catalogue must give, each verified by hand against
 * the wheels (unzip -p ... | grep '^class X' over every release from 4.30.0 to 5.24.0):
 *
 * <ul>
 *   <li>{@code class MistralFlashAttention2} is in modeling_mistral.py from 4.34.0 (where Mistral
 *       arrived) to 4.47.1, and gone in 4.48.0;
 *   <li>{@code class HybridCache} is in cache_utils.py from 4.42.0 to 4.57.6, and gone in 5.0.0;
 *   <li>{@code class FlashAttentionKwargs} first appears in modeling_flash_attention_utils.py in 4.47.0;
 *   <li>{@code Trainer.__init__} and {@code Seq2SeqTrainer.__init__} (trainer.py, trainer_seq2seq.py)
 *       have a {@code tokenizer} parameter from 4.30.0 to 4.45.2; from 4.46.1 to 4.57.6
 *       {@code processing_class} instead, under
 *       {@code @deprecate_kwarg("tokenizer", new_name="processing_class", version="5.0.0", raise_if_both_names=True)};
 *       from 5.0.0 neither the parameter nor the decorator;
 *   <li>{@code create_causal_mask} (masking_utils.py) takes {@code cache} in 5.24.0, under
 *       {@code @deprecate_kwarg("past_key_values", "5.40.0", new_name="cache")}.
 * </ul>
 *
 * <p>And about packages that export lazily through a module-level {@code __getattr__}, each read
 * from the wheels' {@code __init__.py}:
 * <ul>
 *   <li>huggingface_hub lists {@code "hf_hub_download"} under {@code "file_download"} in
 *       {@code _SUBMOD_ATTRS} in every release from 0.15.1; {@code "file_exists"} (hf_api) from
 *       0.17.0 (0.16.4 lacks it);
 *   <li>transformers.pipelines maps 25 pipeline classes to their submodules in
 *       {@code _PIPELINE_CLASS_TO_MODULE} from 5.23.0, for its {@code __getattr__}; before that it
 *       imported them; {@code PreTrainedModel} it imports only under {@code TYPE_CHECKING};
 *   <li>liger_kernel.transformers imports {@code apply_liger_kernel_to_llama} at module level up to
 *       0.5.6 and through its {@code __getattr__} from 0.5.7.
 * </ul>
 */
class PrebuiltCataloguesTest {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();
    static ApiCatalogue transformers;
    static ApiCatalogue hub;
    static ApiCatalogue liger;

    @BeforeAll
    static void load() {
        transformers = CatalogueStore.read(REPO.resolve("rules/catalogues/transformers.json.gz"));
        hub = CatalogueStore.read(REPO.resolve("rules/catalogues/huggingface-hub.json.gz"));
        liger = CatalogueStore.read(REPO.resolve("rules/catalogues/liger-kernel.json.gz"));
    }

    private static String all(ApiCatalogue c) {
        return "0-" + (c.pythonVersions().size() - 1);
    }

    private static Version v(String s) {
        return Version.parse(s);
    }

    @Test
    void everyFinalReleaseFrom430IsCatalogued() {
        List<Version> versions = transformers.pythonVersions();
        assertThat(versions.get(0)).isEqualTo(v("4.30.0"));
        assertThat(versions).contains(v("4.44.2"), v("4.57.6"), v("5.0.0")).noneMatch(Version::isPrerelease);
        assertThat(versions.get(versions.size() - 1).release().get(0).intValue()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void mistralFlashAttention2IsGoneIn448() {
        ApiPath p = ApiPath.name("transformers.models.mistral.modeling_mistral", "MistralFlashAttention2");
        assertThat(transformers.firstVersionWith(p)).contains(v("4.34.0"));
        assertThat(transformers.firstVersionWithout(p)).contains(v("4.48.0"));
        assertThat(transformers.availability(p)).hasToString(">=4.34.0,<4.48.0");
    }

    @Test
    void hybridCacheIsGoneIn500() {
        ApiPath p = ApiPath.name("transformers.cache_utils", "HybridCache");
        assertThat(transformers.firstVersionWith(p)).contains(v("4.42.0"));
        assertThat(transformers.firstVersionWithout(p)).contains(v("5.0.0"));
    }

    @Test
    void flashAttentionKwargsArrivesIn447() {
        ApiPath p = ApiPath.name("transformers.modeling_flash_attention_utils", "FlashAttentionKwargs");
        assertThat(transformers.firstVersionWith(p)).contains(v("4.47.0"));
        assertThat(transformers.firstVersionWithout(p)).isEmpty();
    }

    @Test
    void trainersTakeTokenizerUntil500ThroughTheDecoratorThatRenamesIt() {
        for (String trainer : List.of("Trainer", "Seq2SeqTrainer")) {
            ApiPath p = ApiPath.name("transformers", trainer);
            assertThat(transformers.rangeText(transformers.acceptsKeyword(p, "tokenizer"))).as(trainer).isEqualTo(">=4.30.0,<5.0.0");
            assertThat(transformers.rangeText(transformers.acceptsKeyword(p, "processing_class"))).as(trainer)
                    .isEqualTo(">=4.46.1");
        }
        ApiPath mask = ApiPath.name("transformers.masking_utils", "create_causal_mask");
        int newest = transformers.pythonVersions().size() - 1;
        assertThat(transformers.acceptsKeyword(mask, "past_key_values").contains(newest)).isTrue();
        assertThat(transformers.acceptsKeyword(mask, "cache").contains(newest)).isTrue();
    }

    @Test
    void topLevelLazyExportsLeadToTheModelingModules() {
        ApiPath llama = ApiPath.name("transformers", "LlamaForCausalLM");
        assertThat(transformers.presence(llama)).hasToString("0-" + (transformers.pythonVersions().size() - 1));
        NameApi n = transformers.name("transformers", "LlamaForCausalLM").orElseThrow();
        assertThat(n.variants()).allSatisfy(x -> assertThat(x.target())
                .isEqualTo("transformers.models.llama.modeling_llama:LlamaForCausalLM"));
        // generate() is GenerationMixin's: found through the bases in every release
        assertThat(transformers.memberPresence("transformers", "LlamaForCausalLM", "generate").present())
                .isEqualTo(transformers.presence(llama));
    }

    @Test
    void huggingfaceHubsLazyTopLevelNamesAreThereAtRunTime() {
        assertThat(hub.pythonVersions().get(0)).isEqualTo(v("0.15.1"));
        for (String name : List.of("hf_hub_download", "snapshot_download", "ModelCard", "ModelCardData", "HfFileSystem")) {
            assertThat(hub.presence(ApiPath.name("huggingface_hub", name))).as(name).hasToString(all(hub));
        }
        assertThat(hub.name("huggingface_hub", "hf_hub_download").orElseThrow().variants()).singleElement()
                .satisfies(x -> assertThat(x.target()).isEqualTo("huggingface_hub.file_download:hf_hub_download"));
        assertThat(hub.firstVersionWith(ApiPath.name("huggingface_hub", "file_exists"))).contains(v("0.17.0"));
        assertThat(hub.firstVersionWithout(ApiPath.name("huggingface_hub", "file_exists"))).isEmpty();
        // huggingface_hub.utils is lazy too from 1.32.0, one of its keys absolute (huggingface_hub.errors)
        assertThat(hub.firstVersionWithout(ApiPath.name("huggingface_hub.utils", "get_token"))).isEmpty();
        assertThat(hub.firstVersionWithout(ApiPath.name("huggingface_hub.utils", "BadRequestError"))).isEmpty();
    }

    @Test
    void aModuleGetattrProvidesWhatItsTypeCheckingBlockImportsFromItsSubmodules() {
        ApiPath pipeline = ApiPath.name("transformers.pipelines", "TextGenerationPipeline");
        assertThat(transformers.presence(pipeline)).hasToString(all(transformers));
        assertThat(transformers.presence(ApiPath.name("transformers.pipelines", "PreTrainedModel")).isEmpty()).isTrue();
        assertThat(liger.presence(ApiPath.name("liger_kernel.transformers", "apply_liger_kernel_to_llama")))
                .hasToString(all(liger));
    }

    @Test
    void prebuiltCataloguesStaySmall() throws IOException {
        try (var files = Files.list(REPO.resolve("rules/catalogues"))) {
            for (Path f : files.toList()) {
                assertThat(Files.size(f)).as(f.toString()).isLessThan(5L << 20);
            }
        }
    }
}
