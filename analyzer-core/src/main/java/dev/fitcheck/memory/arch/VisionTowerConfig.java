package dev.fitcheck.memory.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * A ViT image encoder: SigLIP (fixed-resolution SigLIP 2 checkpoints share it), SigLIP 2 NaFlex,
 * or CLIP. {@code useHead} is SigLIP's attention-pooling head (probe, nn.MultiheadAttention,
 * LayerNorm, MLP), which runs on every forward even when a model reads only patch features.
 */
public record VisionTowerConfig(
        String type,
        String name,
        int hiddenSize,
        int intermediateSize,
        int layers,
        int attentionHeads,
        int channels,
        int imageSize,
        int patchSize,
        int positions,
        boolean useHead) {

    public static VisionTowerConfig from(ConfigJson file) {
        ConfigJson c = file.has("/vision_config") ? file.at("/vision_config") : file;
        String modelType = file.string("/model_type");
        String type = switch (modelType) {
            case "siglip_vision_model", "siglip" -> "siglip";
            case "siglip2_vision_model", "siglip2" -> "siglip2";
            case "clip_vision_model", "clip" -> "clip";
            default -> throw file.error("/model_type", "vision tower type '" + modelType
                    + "' is not one fitcheck counts; expected siglip_vision_model, siglip2_vision_model or clip_vision_model");
        };
        int image = c.positiveInt("/image_size", "the input resolution in pixels", 224);
        int patch = c.positiveInt("/patch_size", "the patch side in pixels", type.equals("clip") ? 32 : 16);
        int side = image / patch;
        int positions = switch (type) {
            case "siglip2" -> c.positiveInt("/num_patches", "the number of position embeddings", 256);
            case "clip" -> side * side + 1;
            default -> side * side;
        };
        return new VisionTowerConfig(type, file.optionalString("/name_or_path").orElse(type),
                c.positiveInt("/hidden_size", "the tower width"),
                c.positiveInt("/intermediate_size", "the MLP width"),
                c.positiveInt("/num_hidden_layers", "the number of encoder layers"),
                c.positiveInt("/num_attention_heads", "the number of heads"),
                c.positiveInt("/num_channels", "the image channels", 3), image, patch, positions,
                !type.equals("clip") && c.bool("/vision_use_head", true));
    }

    public int patchesPerSide() {
        return imageSize / patchSize;
    }

    public String displayName() {
        return switch (type) {
            case "siglip" -> "SigLIP vision tower";
            case "siglip2" -> "SigLIP 2 (NaFlex) vision tower";
            default -> "CLIP vision tower";
        };
    }

    /** The pooling head's module, relative to the tower, when it has one. */
    public static String headModule() {
        return "vision_model.head";
    }

    public List<TensorSpec> tensors(String root) {
        List<TensorSpec> t = new ArrayList<>();
        long h = hiddenSize;
        String v = root + "vision_model.";
        if (type.equals("clip")) {
            t.add(TensorSpec.of(v + "embeddings.class_embedding", TensorKind.PARAMETER, h));
            t.add(TensorSpec.of(v + "embeddings.patch_embedding.weight", TensorKind.CONV, h, channels, patchSize, patchSize));
        } else if (type.equals("siglip2")) {
            LanguageModelConfig.linear(t, v + "embeddings.patch_embedding", h, (long) channels * patchSize * patchSize, true);
        } else {
            t.add(TensorSpec.of(v + "embeddings.patch_embedding.weight", TensorKind.CONV, h, channels, patchSize, patchSize));
            t.add(TensorSpec.of(v + "embeddings.patch_embedding.bias", TensorKind.BIAS, h));
        }
        t.add(TensorSpec.of(v + "embeddings.position_embedding.weight", TensorKind.EMBEDDING, positions, h));
        if (type.equals("clip")) {
            layerNorm(t, v + "pre_layrnorm", h);
        }
        for (int i = 0; i < layers; i++) {
            String p = v + "encoder.layers." + i + ".";
            layerNorm(t, p + "layer_norm1", h);
            LanguageModelConfig.linear(t, p + "self_attn.k_proj", h, h, true);
            LanguageModelConfig.linear(t, p + "self_attn.v_proj", h, h, true);
            LanguageModelConfig.linear(t, p + "self_attn.q_proj", h, h, true);
            LanguageModelConfig.linear(t, p + "self_attn.out_proj", h, h, true);
            layerNorm(t, p + "layer_norm2", h);
            LanguageModelConfig.linear(t, p + "mlp.fc1", intermediateSize, h, true);
            LanguageModelConfig.linear(t, p + "mlp.fc2", h, intermediateSize, true);
        }
        layerNorm(t, v + "post_layernorm", h);
        if (useHead) {
            String head = root + headModule() + ".";
            t.add(TensorSpec.of(head + "probe", TensorKind.PARAMETER, 1, 1, h));
            // nn.MultiheadAttention packs q, k and v into one bare parameter; only out_proj is an nn.Linear.
            t.add(TensorSpec.of(head + "attention.in_proj_weight", TensorKind.PARAMETER, 3 * h, h));
            t.add(TensorSpec.of(head + "attention.in_proj_bias", TensorKind.BIAS, 3 * h));
            LanguageModelConfig.linear(t, head + "attention.out_proj", h, h, true);
            layerNorm(t, head + "layernorm", h);
            LanguageModelConfig.linear(t, head + "mlp.fc1", intermediateSize, h, true);
            LanguageModelConfig.linear(t, head + "mlp.fc2", h, intermediateSize, true);
        }
        return t;
    }

    static void layerNorm(List<TensorSpec> t, String module, long size) {
        t.add(TensorSpec.of(module + ".weight", TensorKind.NORM, size));
        t.add(TensorSpec.of(module + ".bias", TensorKind.BIAS, size));
    }
}
