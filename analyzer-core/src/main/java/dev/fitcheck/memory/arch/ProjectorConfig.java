package dev.fitcheck.memory.arch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers a multimodal model adds between its towers and its language model (fitcheck's own
 * config format, {@code model_type: vidi_projectors}), and the video pipeline they imply: how many
 * splits the towers run in, which tower layer is read, how frames become tokens.
 */
public record ProjectorConfig(
        List<Module> modules,
        int splits,
        int visionSelectLayer,
        double framesPerSecond,
        ImagePool imagePool,
        int audioPoolSize,
        Map<Role, String> checkpointPrefixes) {

    public static final List<String> MODULE_TYPES = List.of("mlp", "linear", "rms_norm", "conv1d", "conv2d");

    public ProjectorConfig {
        modules = List.copyOf(modules);
        checkpointPrefixes = Map.copyOf(checkpointPrefixes);
    }

    /**
     * One module: an MLP of {@code depth} Linears (in→out, then out→out, GELU between, the
     * Sequential named {@code sequential}), a Linear, an RMSNorm of {@code in} features, or a
     * convolution with a square {@code kernel}.
     */
    public record Module(String name, String type, int in, int out, int depth, int kernel, boolean bias, String sequential) {
    }

    /**
     * How a frame's patch grid becomes tokens. {@code space_to_depth}: the grid padded to
     * {@code paddedSide} and folded {@code size}×{@code size} into channels, shrunk (to no less than
     * {@code minSide}) when all frames together would pass {@code tokenBudget}; {@code conv_interpolate}:
     * a convolution then resizing to {@code size}×{@code size}.
     */
    public record ImagePool(String type, int size, int paddedSide, int tokenBudget, int minSide) {
    }

    public static ProjectorConfig from(ConfigJson c) {
        String type = c.string("/model_type");
        if (!type.equals("vidi_projectors")) {
            throw c.error("/model_type", "projector config type '" + type + "' is unknown; expected vidi_projectors");
        }
        JsonNode mods = c.root().at("/modules");
        if (!mods.isArray() || mods.isEmpty()) {
            throw c.error("/modules", "expected 'modules', a list of the projector's layers");
        }
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i < mods.size(); i++) {
            String p = "/modules/" + i;
            String mtype = c.string(p + "/type");
            if (!MODULE_TYPES.contains(mtype)) {
                throw c.error(p + "/type", "module type '" + mtype + "' is unknown; expected one of "
                        + String.join(", ", MODULE_TYPES));
            }
            boolean norm = mtype.equals("rms_norm");
            int in = norm ? c.positiveInt(p + "/size", "the normalised width") : c.positiveInt(p + "/in", "the input width");
            int out = norm ? in : c.positiveInt(p + "/out", "the output width");
            modules.add(new Module(c.string(p + "/name"), mtype, in, out,
                    mtype.equals("mlp") ? c.positiveInt(p + "/depth", "the number of Linears", 2) : 1,
                    mtype.startsWith("conv") ? c.positiveInt(p + "/kernel", "the kernel size") : 1,
                    c.bool(p + "/bias", true), c.optionalString(p + "/sequential").orElse("model")));
        }
        String poolType = c.string("/image_pool/type");
        if (!poolType.equals("space_to_depth") && !poolType.equals("conv_interpolate")) {
            throw c.error("/image_pool/type", "image pool '" + poolType + "' is unknown; expected space_to_depth or conv_interpolate");
        }
        ImagePool pool = new ImagePool(poolType, c.positiveInt("/image_pool/size", "the pooled grid side or fold"),
                c.integer("/image_pool/padded_side", "the padded patch grid side", 0),
                c.integer("/image_pool/token_budget", "the most visual tokens of one video", 0),
                c.integer("/image_pool/min_side", "the smallest grid side when shrinking", 0));
        Map<Role, String> prefixes = new LinkedHashMap<>();
        prefixes.put(Role.VISION, c.optionalString("/checkpoint_prefixes/vision").orElse("model.mm_vis."));
        prefixes.put(Role.AUDIO, c.optionalString("/checkpoint_prefixes/audio").orElse("model.mm_aud."));
        prefixes.put(Role.PROJECTOR, c.optionalString("/checkpoint_prefixes/projector").orElse("model.mm_rand_"));
        return new ProjectorConfig(modules, c.positiveInt("/mm_splits", "the splits towers run in", 1),
                c.integer("/mm_vision_select_layer", "the tower layer read", -1),
                c.positiveNumber("/frames_per_second", "the frame sampling rate", 1.0), pool,
                c.positiveInt("/audio_pool_size", "the audio frames pooled into one token", 1), prefixes);
    }

    public Optional<Module> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Tensors, named under "model." as the checkpoint does (module names start with the projector prefix). */
    public List<TensorSpec> tensors() {
        List<TensorSpec> t = new ArrayList<>();
        for (Module m : modules) {
            String p = "model." + m.name();
            switch (m.type()) {
                case "rms_norm" -> t.add(TensorSpec.of(p + ".weight", TensorKind.NORM, m.in()));
                case "linear" -> LanguageModelConfig.linear(t, p, m.out(), m.in(), m.bias());
                case "conv1d" -> {
                    t.add(TensorSpec.of(p + ".weight", TensorKind.CONV, m.out(), m.in(), m.kernel()));
                    if (m.bias()) t.add(TensorSpec.of(p + ".bias", TensorKind.BIAS, m.out()));
                }
                case "conv2d" -> {
                    t.add(TensorSpec.of(p + ".weight", TensorKind.CONV, m.out(), m.in(), m.kernel(), m.kernel()));
                    if (m.bias()) t.add(TensorSpec.of(p + ".bias", TensorKind.BIAS, m.out()));
                }
                default -> {
                    // nn.Sequential(Linear, GELU, Linear, ...): Linears sit at the even indices.
                    for (int i = 0; i < m.depth(); i++) {
                        LanguageModelConfig.linear(t, p + "." + m.sequential() + "." + (2 * i),
                                m.out(), i == 0 ? m.in() : m.out(), m.bias());
                    }
                }
            }
        }
        return t;
    }
}
