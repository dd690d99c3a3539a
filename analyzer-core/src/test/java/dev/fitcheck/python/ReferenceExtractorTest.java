package dev.fitcheck.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceExtractorTest {

    private static final Path FILE = Path.of("pkg/mod.py");

    private static List<String> refs(String source) {
        return new ReferenceExtractor(Set.of("model", "vidi")).extract(FILE, source).stream()
                .map(r -> r.location().line() + ":" + r.location().column() + " " + r.kind() + " " + r.path()
                        + r.keyword().map(k -> " kw=" + k).orElse("")
                        + (r.condition() == ImportCondition.REQUIRED ? "" : " " + r.condition()))
                .toList();
    }

    @Test
    void importsOfEveryForm() {
        assertThat(refs("""
                import transformers
                import transformers.models.x as tx
                from transformers.models.mistral.modeling_mistral import (
                    MistralModel, MistralFlashAttention2 as MFA,
                )
                from transformers.trainer import *
                import os, typing
                from . import sibling
                from model.constants import IGNORE_INDEX
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers",
                "2:8 IMPORT_MODULE transformers.models.x",
                "4:5 IMPORT_NAME transformers.models.mistral.modeling_mistral.MistralModel",
                "4:19 IMPORT_NAME transformers.models.mistral.modeling_mistral.MistralFlashAttention2",
                "6:34 IMPORT_STAR transformers.trainer");
    }

    @Test
    void charactersOutsideTheBasicPlaneDoNotShiftWhatFollows() {
        // An emoji is 4 bytes in UTF-8 (6 in JNI's modified UTF-8): names after it must still be read whole.
        assertThat(refs("""
                import transformers
                BANNER = "\uD83E\uDD17 done \uD83D\uDE80"
                x = transformers.AutoModel
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers",
                "3:18 ATTRIBUTE transformers.AutoModel");
    }

    @Test
    void attributeChainsThroughModulesAndNames() {
        assertThat(refs("""
                import transformers
                from transformers.models.siglip import modeling_siglip
                x = transformers.models.llama.LlamaConfig
                y = modeling_siglip.SiglipAttention
                transformers.logging.set_verbosity_info()
                local = 3
                z = local.attr
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers",
                "2:40 IMPORT_NAME transformers.models.siglip.modeling_siglip",
                "3:31 ATTRIBUTE transformers.models.llama.LlamaConfig",
                "4:21 ATTRIBUTE transformers.models.siglip.modeling_siglip.SiglipAttention",
                "5:22 ATTRIBUTE transformers.logging.set_verbosity_info");
    }

    @Test
    void baseClassesAndMembersUsedThroughThem() {
        assertThat(refs("""
                from transformers.models.mistral.modeling_mistral import MistralFlashAttention2
                class D(MistralFlashAttention2):
                    def own(self):
                        pass
                    def forward(self, x):
                        self.own()
                        self._flash_attention_forward(x)
                        MistralFlashAttention2.reset(self)
                        return super().forward(x, use_cache=True)
                """)).containsExactly(
                "1:58 IMPORT_NAME transformers.models.mistral.modeling_mistral.MistralFlashAttention2",
                "2:9 BASE_CLASS transformers.models.mistral.modeling_mistral.MistralFlashAttention2",
                "7:14 MEMBER transformers.models.mistral.modeling_mistral.MistralFlashAttention2._flash_attention_forward",
                "8:32 MEMBER transformers.models.mistral.modeling_mistral.MistralFlashAttention2.reset",
                "9:24 MEMBER transformers.models.mistral.modeling_mistral.MistralFlashAttention2.forward",
                "9:35 KEYWORD_ARGUMENT transformers.models.mistral.modeling_mistral.MistralFlashAttention2.forward kw=use_cache");
    }

    @Test
    void usesAreFoundInCodeOnlyWhateverTheLayout() {
        // Uses are found from the imported names in the text: each must be checked against the tree
        // (strings and comments name them too) and followed across line breaks inside brackets.
        assertThat(refs("""
                import transformers
                from transformers import AutoModel
                \"\"\"transformers.AutoModel in a docstring\"\"\"
                x = (transformers
                     .models.llama
                     .LlamaConfig)  # transformers.Nothing in a comment
                transformers.utils.logging.x = 3
                y = f"{transformers.__version__} and 'transformers.Quoted'"
                AutoModel . from_pretrained("p",
                    trust_remote_code=True)
                class Inner:
                    def m(self):
                        return self.helper()
                class Outer(AutoModel):
                    class Nested:
                        def n(self):
                            return self.skipped()
                    def o(self):
                        return self.kept()
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers",
                "2:26 IMPORT_NAME transformers.AutoModel",
                "6:7 ATTRIBUTE transformers.models.llama.LlamaConfig",
                "7:28 ATTRIBUTE transformers.utils.logging",
                "8:21 ATTRIBUTE transformers.__version__",
                "9:13 ATTRIBUTE transformers.AutoModel.from_pretrained",
                "10:5 KEYWORD_ARGUMENT transformers.AutoModel.from_pretrained kw=trust_remote_code",
                "14:13 BASE_CLASS transformers.AutoModel",
                "19:21 MEMBER transformers.AutoModel.kept");
    }

    @Test
    void keywordArgumentsOfStaticCallees() {
        assertThat(refs("""
                from transformers import BitsAndBytesConfig, AutoModel
                cfg = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type='nf4')
                m = AutoModel.from_pretrained("p", low_cpu_mem_usage=True, **kwargs)
                other(x=1)
                """)).containsExactly(
                "1:26 IMPORT_NAME transformers.BitsAndBytesConfig",
                "1:46 IMPORT_NAME transformers.AutoModel",
                "2:26 KEYWORD_ARGUMENT transformers.BitsAndBytesConfig kw=load_in_4bit",
                "2:45 KEYWORD_ARGUMENT transformers.BitsAndBytesConfig kw=bnb_4bit_quant_type",
                "3:15 ATTRIBUTE transformers.AutoModel.from_pretrained",
                "3:36 KEYWORD_ARGUMENT transformers.AutoModel.from_pretrained kw=low_cpu_mem_usage");
    }

    @Test
    void optionalAndTypeOnlyImports() {
        assertThat(refs("""
                from typing import TYPE_CHECKING
                try:
                    from flash_attn import flash_attn_func
                except ImportError:
                    flash_attn_func = None
                if TYPE_CHECKING:
                    from transformers import PreTrainedModel
                from transformers.utils import is_flash_attn_2_available
                if is_flash_attn_2_available():
                    from flash_attn.bert_padding import pad_input
                """)).containsExactly(
                "3:28 IMPORT_NAME flash_attn.flash_attn_func OPTIONAL",
                "7:30 IMPORT_NAME transformers.PreTrainedModel TYPE_ONLY",
                "8:32 IMPORT_NAME transformers.utils.is_flash_attn_2_available",
                "10:41 IMPORT_NAME flash_attn.bert_padding.pad_input OPTIONAL");
    }

    @Test
    void freeNamesAreAttributedToTheOnlyExternalStarImport() {
        assertThat(refs("""
                from transformers.trainer import *
                def f(model, n=3):
                    for i in range(n):
                        y = i
                    if is_sagemaker_mp_enabled():
                        return get_parameter_names(model, [ALL_LAYERNORM_LAYERS])
                    return y
                """)).containsExactly(
                "1:34 IMPORT_STAR transformers.trainer",
                "5:8 STAR_NAME transformers.trainer.is_sagemaker_mp_enabled",
                "6:16 STAR_NAME transformers.trainer.get_parameter_names",
                "6:44 STAR_NAME transformers.trainer.ALL_LAYERNORM_LAYERS");
    }

    @Test
    void noStarAttributionWhenTheModelItselfStarImports() {
        assertThat(refs("""
                from transformers.trainer import *
                from vidi.model import *
                x = get_dattn_cls()
                """)).containsExactly("1:34 IMPORT_STAR transformers.trainer");
    }

    @Test
    void monkeyPatchNeedsTheObjectNotTheName() {
        assertThat(refs("""
                import transformers.models.llama.modeling_llama as ml
                ml.LlamaRMSNorm = object
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers.models.llama.modeling_llama",
                "2:4 ATTRIBUTE transformers.models.llama.modeling_llama");
    }

    @Test
    void brokenSourceStillYieldsWhatParses() {
        assertThat(refs("""
                from transformers import AutoConfig
                def broken(:
                    pass
                """)).contains("1:26 IMPORT_NAME transformers.AutoConfig");
    }

    @Test
    void anImportInsideAFunctionReachesThatFunctionOnly() {
        // peft's tests: one test imports peft.config, the next has a local variable named config.
        assertThat(refs("""
                def test_defaults():
                    from peft import config
                    return config.PeftConfig()

                def test_save(config_class):
                    config = config_class()
                    config.save_pretrained("x")
                    def nested():
                        return config.to_dict()
                """)).containsExactly(
                "2:22 IMPORT_NAME peft.config",
                "3:19 ATTRIBUTE peft.config.PeftConfig");
    }

    @Test
    void aFunctionThatBindsTheNameHidesTheModuleImport() {
        assertThat(refs("""
                import transformers
                from transformers import pipeline

                def run(transformers, p=transformers.pipeline):
                    return transformers.AutoModel

                def loop(items):
                    for pipeline in items:
                        pipeline.run()
                    with open("f") as transformers:
                        transformers.read()

                def uses_module():
                    global pipeline
                    pipeline = pipeline.clone()
                    return transformers.AutoConfig
                """)).containsExactly(
                "1:8 IMPORT_MODULE transformers",
                "2:26 IMPORT_NAME transformers.pipeline",
                "4:38 ATTRIBUTE transformers.pipeline",
                "15:25 ATTRIBUTE transformers.pipeline.clone",
                "16:25 ATTRIBUTE transformers.AutoConfig");
    }

    @Test
    void aSecondBaseMayServeSelfAndSuperButNotTheNamedBase() {
        assertThat(refs("""
                import torch
                from transformers.utils import PushToHubMixin
                class PeftModel(PushToHubMixin, torch.nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.eval()
                        PushToHubMixin.push_to_hub(self)
                class Single(PushToHubMixin):
                    def save(self):
                        self.push_to_hub("x")
                """)).containsExactly(
                "1:8 IMPORT_MODULE torch",
                "2:32 IMPORT_NAME transformers.utils.PushToHubMixin",
                "3:17 BASE_CLASS transformers.utils.PushToHubMixin",
                "3:33 BASE_CLASS torch.nn.Module",
                "3:42 ATTRIBUTE torch.nn.Module",
                "7:24 MEMBER transformers.utils.PushToHubMixin.push_to_hub",
                "8:14 BASE_CLASS transformers.utils.PushToHubMixin",
                "10:14 MEMBER transformers.utils.PushToHubMixin.push_to_hub");
    }

    @Test
    void aBaseThatAddsNoMembersLeavesTheOtherInCharge() {
        assertThat(refs("""
                from abc import ABC
                from transformers import PreTrainedModel
                class M(PreTrainedModel, ABC):
                    def f(self):
                        return super().post_init()
                """)).containsExactly(
                "2:26 IMPORT_NAME transformers.PreTrainedModel",
                "3:9 BASE_CLASS transformers.PreTrainedModel",
                "5:24 MEMBER transformers.PreTrainedModel.post_init");
    }

    private static List<String> guarded(String source) {
        return new ReferenceExtractor(Set.of("model")).extract(FILE, source).stream()
                .map(r -> r.location().line() + " " + r.kind() + " " + r.path() + " " + r.guards()
                        + (r.condition() == ImportCondition.REQUIRED ? "" : " " + r.condition()))
                .toList();
    }

    @Test
    void versionChecksGuardWhatRunsUnderThem() {
        // peft's adalora/layer.py: each branch needs its import only on its side of 4.33.0.
        assertThat(guarded("""
                import packaging.version
                import transformers
                if packaging.version.parse(transformers.__version__) >= packaging.version.parse("4.33.0"):
                    from transformers.integrations import deepspeed_config
                else:
                    from transformers.deepspeed import deepspeed_config
                deepspeed_config()
                def f():
                    if not Version("5.0.0") <= Version(transformers.__version__):
                        return transformers.AutoModel
                """)).containsExactly(
                "1 IMPORT_MODULE packaging.version []",
                "2 IMPORT_MODULE transformers []",
                "3 ATTRIBUTE packaging.version.parse []",
                "3 ATTRIBUTE transformers.__version__ []",
                "3 ATTRIBUTE packaging.version.parse []",
                "4 IMPORT_NAME transformers.integrations.deepspeed_config [transformers>=4.33.0]",
                "6 IMPORT_NAME transformers.deepspeed.deepspeed_config [not transformers>=4.33.0]",
                "9 ATTRIBUTE transformers.__version__ []",
                "10 ATTRIBUTE transformers.AutoModel [not transformers>=5.0.0]");
    }

    @Test
    void elifChainsCarryTheNegationOfWhatCameBefore() {
        assertThat(guarded("""
                import transformers
                if Version(transformers.__version__) >= Version("5.0"):
                    x = transformers.A
                elif Version(transformers.__version__) >= Version("4.40"):
                    x = transformers.B
                else:
                    x = transformers.C
                """)).containsExactly(
                "1 IMPORT_MODULE transformers []",
                "2 ATTRIBUTE transformers.__version__ []",
                "3 ATTRIBUTE transformers.A [transformers>=5.0]",
                "4 ATTRIBUTE transformers.__version__ []",
                "5 ATTRIBUTE transformers.B [not transformers>=5.0, transformers>=4.40]",
                "7 ATTRIBUTE transformers.C [not transformers>=5.0, not transformers>=4.40]");
    }

    @Test
    void hasattrGuardsTheAttributeItAsksAbout() {
        // peft's utils/other.py: the method where the class has it, the old function where not.
        assertThat(guarded("""
                from accelerate import FullyShardedDataParallelPlugin as P
                def wrap():
                    if hasattr(P, "get_module_class_from_name"):
                        get = P.get_module_class_from_name
                    else:
                        from accelerate.utils.dataclasses import get_module_class_from_name
                """)).containsExactly(
                "1 IMPORT_NAME accelerate.FullyShardedDataParallelPlugin []",
                "4 ATTRIBUTE accelerate.FullyShardedDataParallelPlugin.get_module_class_from_name "
                        + "[hasattr accelerate.FullyShardedDataParallelPlugin.get_module_class_from_name]",
                "6 IMPORT_NAME accelerate.utils.dataclasses.get_module_class_from_name "
                        + "[not hasattr accelerate.FullyShardedDataParallelPlugin.get_module_class_from_name]");
    }

    @Test
    void aCheckNotReadExactlyMakesItsBranchesOptional() {
        assertThat(guarded("""
                import torch, transformers
                if Version(transformers.__version__) >= Version("5.0") or torch.cuda.is_available():
                    from transformers import A
                if Version(transformers.__version__) >= Version("5.0") and USE_B:
                    from transformers import B
                else:
                    from transformers import C
                """)).containsExactly(
                "1 IMPORT_MODULE torch []",
                "1 IMPORT_MODULE transformers []",
                "2 ATTRIBUTE transformers.__version__ []",
                "2 ATTRIBUTE torch.cuda.is_available []",
                "3 IMPORT_NAME transformers.A [] OPTIONAL",
                "4 ATTRIBUTE transformers.__version__ []",
                "5 IMPORT_NAME transformers.B [transformers>=5.0]",
                "7 IMPORT_NAME transformers.C [] OPTIONAL");
    }

    @Test
    void aVersionCheckKeptInANameGuardsWhereverTheNameIsTested() {
        // peft: the flags live in peft/import_utils.py and are imported, absolutely or relatively
        String importUtils = """
                import packaging.version
                import transformers
                is_transformers_ge_v5 = packaging.version.parse(transformers.__version__) >= packaging.version.parse("5.0.0.dev0")
                is_transformers_ge_v5_13_0 = packaging.version.parse(transformers.__version__) >= packaging.version.parse(
                    "5.13.0.dev0"
                )
                """;
        assertThat(VersionFlags.of(importUtils)).containsOnlyKeys("is_transformers_ge_v5", "is_transformers_ge_v5_13_0");
        String model = """
                import transformers
                from ..import_utils import is_transformers_ge_v5
                from mylib.import_utils import is_transformers_ge_v5_13_0 as ge513
                lt_4_56 = Version(transformers.__version__) < Version("4.56")
                if not is_transformers_ge_v5:
                    from transformers.cache_utils import HybridCache
                if ge513 and USE_TP:
                    from transformers.distributed import DistributedConfig
                if lt_4_56:
                    x = transformers.A
                """;
        // as SourceAnalyzer reads them: every module's flags, this file's own among them
        Map<String, Map<String, Guard>> flags = Map.of("mylib.import_utils", VersionFlags.of(importUtils),
                "mylib.tuners.model", VersionFlags.of(model));
        ReferenceExtractor x = new ReferenceExtractor(Set.of("mylib"), flags,
                f -> f.toString().replace(".py", "").replace('/', '.'));
        List<String> refs = x.extract(Path.of("mylib/tuners/model.py"), model).stream()
                .filter(r -> !r.path().endsWith("__version__"))
                .map(r -> r.location().line() + " " + r.path() + " " + r.guards()).toList();
        assertThat(refs).containsExactly(
                "1 transformers []",
                "6 transformers.cache_utils.HybridCache [not transformers>=5.0.0.dev0]",
                "8 transformers.distributed.DistributedConfig [transformers>=5.13.0.dev0]",
                "10 transformers.A [transformers<4.56]");
    }
}
