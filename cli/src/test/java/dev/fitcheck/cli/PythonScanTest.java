package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fitcheck scan} on the Vidi model trees: the bounds with their lines, relative to the tree scanned. */
class PythonScanTest {

    @Test
    void vidi7bIsBoundedAboveByMistralFlashAttention2() {
        CliRun r = CliRun.of("scan", CliRun.REPO.resolve("fixtures/vidi/Vidi_7B").toString(), "--package", "transformers");
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.outLines()).contains(
                "transformers: runs on >=4.43.0,<4.48.0 (catalogued 4.30.0 to 5.24.0, 88 binding reference(s))",
                "  lower bound >=4.43.0: _get_unpad_data, model/lmm/dattn/xattn.py:24",
                "  upper bound <4.48.0: MistralFlashAttention2, model/lmm/dattn/mistral.py:24",
                "  not binding (type-only): transformers.modeling_flash_attention_utils.FlashAttentionKwargs at model/lmm/dattn/xattn.py:30:61");
        // ALL_LAYERNORM_LAYERS.append is a list's method: no catalogue can call it unknown.
        assertThat(r.out()).doesNotContain("unknown:");
    }

    @Test
    void vidi9bIsBoundedByAKeywordBelowAndAStarImportedNameAbove() {
        CliRun r = CliRun.of("scan", CliRun.REPO.resolve("fixtures/vidi/Vidi1.5_9B").toString(), "--package", "transformers");
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.outLines()).contains(
                "  lower bound >=4.48.0: Gemma2RotaryEmbedding(config=), vidi/model/lmm/dattn/gemma.py:176",
                "  upper bound <4.53.0: ALL_LAYERNORM_LAYERS, vidi/train/vidi_trainer.py:90",
                "  not binding (optional): transformers.modeling_flash_attention_utils.flash_attn_supports_top_left_mask"
                        + " at vidi/model/lmm/dattn/xattn.py:36:61");
        assertThat(r.out()).doesNotContain("unknown:");
    }

    /**
     * A library laid out under src/, checking transformers' version the way peft and trl do: its
     * own package is not an external one, each side of the check needs its import only on its
     * side, and where nothing is left the scan names the two references that cannot meet.
     */
    @Test
    void aSrcLayoutLibraryWithVersionChecks(@TempDir Path tree) throws IOException {
        write(tree.resolve("src/mylib/__init__.py"), "from mylib.core import run\n");
        write(tree.resolve("src/mylib/core.py"), """
                import transformers
                from packaging.version import Version
                if Version(transformers.__version__) >= Version("5.0.0"):
                    from transformers.trainer_pt_utils import get_parameter_names
                else:
                    from transformers.trainer import get_parameter_names

                def run():
                    return get_parameter_names
                """);
        CliRun r = CliRun.of("scan", tree.toString(), "--package", "transformers");
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.out()).contains("transformers: runs on >=4.30.0 (catalogued 4.30.0 to 5.24.0")
                .doesNotContain("mylib").doesNotContain("unknown:");

        write(tree.resolve("src/mylib/old.py"), """
                from transformers.models.mistral.modeling_mistral import MistralFlashAttention2
                from transformers import Gemma3ForCausalLM
                """);
        CliRun empty = CliRun.of("scan", tree.toString(), "--package", "transformers");
        assertThat(empty.outLines()).contains(
                "transformers: runs on no catalogued release (catalogued 4.30.0 to 5.24.0, 6 binding reference(s))",
                "  cannot meet: lower bound >=4.50.0: Gemma3ForCausalLM, src/mylib/old.py:2",
                "          and: upper bound <4.48.0: MistralFlashAttention2, src/mylib/old.py:1");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
