package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code fitcheck scan} on the Vidi model trees: the bounds with their lines, relative to the tree scanned. */
class PythonScanTest {

    @Test
    void vidi7bIsBoundedAboveByMistralFlashAttention2() {
        CliRun r = CliRun.of("scan", CliRun.REPO.resolve("fixtures/vidi/Vidi_7B").toString(), "--package", "transformers");
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.outLines()).contains(
                "transformers: runs on >=4.43.0,<4.48.0 (catalogued 4.30.0 to 5.24.0, 112 binding reference(s))",
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
}
