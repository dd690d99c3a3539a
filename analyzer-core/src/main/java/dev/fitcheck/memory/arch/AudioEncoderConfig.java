package dev.fitcheck.memory.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * Whisper's encoder: two convolutions over the mel spectrogram, learned positions for
 * {@code maxSourcePositions} frames (30 s), and pre-norm transformer layers. The decoder is not
 * counted: audio towers keep the encoder only.
 */
public record AudioEncoderConfig(
        String name,
        int dModel,
        int layers,
        int attentionHeads,
        int ffnDim,
        int melBins,
        int maxSourcePositions) {

    public static AudioEncoderConfig from(ConfigJson c) {
        String type = c.string("/model_type");
        if (!type.equals("whisper")) {
            throw c.error("/model_type", "audio tower type '" + type + "' is not one fitcheck counts; expected whisper");
        }
        return new AudioEncoderConfig(c.optionalString("/name_or_path").orElse("whisper"),
                c.positiveInt("/d_model", "the encoder width"),
                c.positiveInt("/encoder_layers", "the number of encoder layers"),
                c.positiveInt("/encoder_attention_heads", "the number of encoder heads"),
                c.positiveInt("/encoder_ffn_dim", "the encoder MLP width"),
                c.positiveInt("/num_mel_bins", "the mel bins of the input", 80),
                c.positiveInt("/max_source_positions", "the encoder positions (frames of 30 s)", 1500));
    }

    /** Mel frames the encoder takes per 30-second window (its convolution halves them). */
    public int melFramesPerWindow() {
        return 2 * maxSourcePositions;
    }

    public List<TensorSpec> tensors(String root) {
        List<TensorSpec> t = new ArrayList<>();
        long d = dModel;
        String e = root + "encoder.";
        t.add(TensorSpec.of(e + "conv1.weight", TensorKind.CONV, d, melBins, 3));
        t.add(TensorSpec.of(e + "conv1.bias", TensorKind.BIAS, d));
        t.add(TensorSpec.of(e + "conv2.weight", TensorKind.CONV, d, d, 3));
        t.add(TensorSpec.of(e + "conv2.bias", TensorKind.BIAS, d));
        t.add(TensorSpec.of(e + "embed_positions.weight", TensorKind.EMBEDDING, maxSourcePositions, d));
        for (int i = 0; i < layers; i++) {
            String p = e + "layers." + i + ".";
            // Whisper's k_proj has no bias; q, v and out do.
            LanguageModelConfig.linear(t, p + "self_attn.k_proj", d, d, false);
            LanguageModelConfig.linear(t, p + "self_attn.v_proj", d, d, true);
            LanguageModelConfig.linear(t, p + "self_attn.q_proj", d, d, true);
            LanguageModelConfig.linear(t, p + "self_attn.out_proj", d, d, true);
            VisionTowerConfig.layerNorm(t, p + "self_attn_layer_norm", d);
            LanguageModelConfig.linear(t, p + "fc1", ffnDim, d, true);
            LanguageModelConfig.linear(t, p + "fc2", d, ffnDim, true);
            VisionTowerConfig.layerNorm(t, p + "final_layer_norm", d);
        }
        VisionTowerConfig.layerNorm(t, e + "layer_norm", d);
        return t;
    }
}
