package dev.fitcheck.memory.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A decoder-only language model's hyper-parameters, for the families fitcheck counts: Gemma 2,
 * Mistral, Llama and Qwen2. {@code slidingLayers} says, per layer, whether its attention (and so its
 * KV cache) is limited to {@code slidingWindow} tokens.
 */
public record LanguageModelConfig(
        String family,
        int hiddenSize,
        int intermediateSize,
        int layers,
        int attentionHeads,
        int keyValueHeads,
        int headDim,
        int vocabSize,
        OptionalInt slidingWindow,
        List<Boolean> slidingLayers,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean mlpBias) {

    public static final List<String> FAMILIES = List.of("gemma2", "mistral", "llama", "qwen2");

    public LanguageModelConfig {
        slidingLayers = List.copyOf(slidingLayers);
    }

    public static LanguageModelConfig from(ConfigJson c) {
        String family = c.string("/model_type");
        if (!FAMILIES.contains(family)) {
            throw c.error("/model_type", "language model type '" + family + "' is not one fitcheck counts; expected one of "
                    + String.join(", ", FAMILIES));
        }
        int hidden = c.positiveInt("/hidden_size", "the model width");
        int heads = c.positiveInt("/num_attention_heads", "the number of query heads");
        int layers = c.positiveInt("/num_hidden_layers", "the number of decoder layers");
        int kvHeads = c.positiveInt("/num_key_value_heads", "the number of key/value heads", heads);
        int headDim = c.positiveInt("/head_dim", "the width of one head", hidden / heads);
        if (heads % kvHeads != 0) {
            throw c.error("/num_key_value_heads", "num_key_value_heads (" + kvHeads
                    + ") must divide num_attention_heads (" + heads + ")");
        }
        OptionalInt window = c.optionalPositiveInt("/sliding_window", "the sliding-window length in tokens");
        boolean qwenSliding = c.bool("/use_sliding_window", false);
        List<Boolean> sliding = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            sliding.add(switch (family) {
                // Gemma 2 alternates: even layers slide over the window, odd layers attend globally.
                case "gemma2" -> window.isPresent() && i % 2 == 0;
                case "mistral" -> window.isPresent();
                case "qwen2" -> window.isPresent() && qwenSliding
                        && i >= c.integer("/max_window_layers", "the first layer with a full window", layers);
                default -> false;
            });
        }
        boolean tieDefault = family.equals("gemma2");
        return new LanguageModelConfig(family, hidden,
                c.positiveInt("/intermediate_size", "the MLP width"), layers, heads, kvHeads, headDim,
                c.positiveInt("/vocab_size", "the vocabulary size"),
                sliding.contains(true) ? window : OptionalInt.empty(), sliding,
                c.bool("/tie_word_embeddings", tieDefault),
                family.equals("qwen2") || c.bool("/attention_bias", false),
                c.bool("/mlp_bias", false));
    }

    public String displayName() {
        return switch (family) {
            case "gemma2" -> "Gemma 2";
            case "mistral" -> "Mistral";
            case "llama" -> "Llama";
            default -> "Qwen2";
        };
    }

    /** Bytes of K plus V for one token in one layer, at {@code bytesPerElement}. */
    public long kvBytesPerTokenPerLayer(int bytesPerElement) {
        return 2L * keyValueHeads * headDim * bytesPerElement;
    }

    public int slidingLayerCount() {
        return (int) slidingLayers.stream().filter(b -> b).count();
    }

    /** The tensors of the model as Hugging Face checkpoints name them ("model.layers.0.mlp.up_proj.weight"). */
    public List<TensorSpec> tensors() {
        List<TensorSpec> t = new ArrayList<>();
        long h = hiddenSize;
        long q = (long) attentionHeads * headDim;
        long kv = (long) keyValueHeads * headDim;
        t.add(TensorSpec.of("model.embed_tokens.weight", TensorKind.EMBEDDING, vocabSize, h));
        for (int i = 0; i < layers; i++) {
            String p = "model.layers." + i + ".";
            linear(t, p + "self_attn.q_proj", q, h, qkvBias);
            linear(t, p + "self_attn.k_proj", kv, h, qkvBias);
            linear(t, p + "self_attn.v_proj", kv, h, qkvBias);
            linear(t, p + "self_attn.o_proj", h, q, family.equals("llama") && qkvBias);
            linear(t, p + "mlp.gate_proj", intermediateSize, h, mlpBias);
            linear(t, p + "mlp.up_proj", intermediateSize, h, mlpBias);
            linear(t, p + "mlp.down_proj", h, intermediateSize, mlpBias);
            t.add(TensorSpec.of(p + "input_layernorm.weight", TensorKind.NORM, h));
            t.add(TensorSpec.of(p + "post_attention_layernorm.weight", TensorKind.NORM, h));
            if (family.equals("gemma2")) {
                t.add(TensorSpec.of(p + "pre_feedforward_layernorm.weight", TensorKind.NORM, h));
                t.add(TensorSpec.of(p + "post_feedforward_layernorm.weight", TensorKind.NORM, h));
            }
        }
        t.add(TensorSpec.of("model.norm.weight", TensorKind.NORM, h));
        if (!tieWordEmbeddings) {
            t.add(TensorSpec.of("lm_head.weight", TensorKind.LINEAR_WEIGHT, vocabSize, h));
        }
        return t;
    }

    static void linear(List<TensorSpec> t, String module, long out, long in, boolean bias) {
        t.add(TensorSpec.of(module + ".weight", TensorKind.LINEAR_WEIGHT, out, in));
        if (bias) {
            t.add(TensorSpec.of(module + ".bias", TensorKind.BIAS, out));
        }
    }
}
