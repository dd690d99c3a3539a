package dev.fitcheck.memory.quant;

import dev.fitcheck.memory.CachingAllocator;
import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.arch.ComputeOutsideForward;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.ModulePart;
import dev.fitcheck.memory.arch.TensorKind;
import dev.fitcheck.memory.arch.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes of a model's weights under a loading scheme, the way transformers' bitsandbytes
 * integration builds it: only {@code nn.Linear} modules (subclasses included, such as
 * MultiheadAttention's out_proj) are replaced, unless a skip key matches their name
 * ({@code key + "."} inside it, or equal to it); embeddings, norms, convolutions, bare parameters and
 * biases stay in the compute dtype. Without a custom list the default applies: the output embedding
 * and the tied weights ({@code get_keys_to_not_convert}).
 */
public final class WeightPlanner {

    public WeightPlan plan(ModelArchitecture arch, QuantizationScheme scheme) {
        Precision stored = scheme.storedDtype();
        List<String> skip = scheme.skipModules().orElseGet(() -> defaultSkip(arch));
        List<PartWeights> parts = new ArrayList<>();
        Map<String, long[]> keptBySkipKey = new LinkedHashMap<>();
        long allocator = 0;
        List<Long> deviceTensors = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        for (ModulePart part : arch.parts()) {
            long bytes = 0;
            long quantizedParams = 0;
            for (TensorSpec t : part.tensors()) {
                long n = t.elements();
                boolean linear = t.kind() == TensorKind.LINEAR_WEIGHT;
                Optional<String> skippedBy = linear ? matchingKey(t.module(), skip) : Optional.empty();
                if (scheme.weights().quantized() && linear && skippedBy.isEmpty()) {
                    long q = BitsandbytesStorage.bytes(scheme.weights(), t.rows(), n, scheme.blocksize(), scheme.doubleQuant());
                    bytes += q;
                    quantizedParams += n;
                    List<Long> pieces = quantizedTensors(scheme, t.rows(), n);
                    deviceTensors.addAll(pieces);
                    for (long piece : pieces) {
                        allocator += CachingAllocator.reserved(piece);
                    }
                } else {
                    long b = n * stored.bytes();
                    bytes += b;
                    allocator += CachingAllocator.reserved(b);
                    deviceTensors.add(b);
                    if (scheme.weights().quantized() && skippedBy.isPresent()) {
                        long[] acc = keptBySkipKey.computeIfAbsent(skippedBy.get(), k -> new long[3]);
                        acc[0] += n;
                        acc[1] += b;
                        acc[2] += BitsandbytesStorage.bytes(scheme.weights(), t.rows(), n, scheme.blocksize(), scheme.doubleQuant());
                    }
                }
            }
            parts.add(new PartWeights(part.role(), part.description(), part.parameters(), quantizedParams, bytes));
        }
        List<KeptModule> kept = new ArrayList<>();
        keptBySkipKey.forEach((key, acc) -> kept.add(new KeptModule(key, reason(arch, key), acc[0], acc[1], acc[2])));
        List<String> warnings = new ArrayList<>();
        if (scheme.weights().quantized()) {
            for (ComputeOutsideForward h : arch.computeOutsideForward()) {
                if (matchingKey(h.linear(), skip).isEmpty()) {
                    String dtype = scheme.weights() == Precision.INT8 ? "Char" : "Byte";
                    problems.add(new PlanProblem(h.module(), "is quantized, but " + h.reason() + "; inference fails with "
                            + h.failure().replace("Byte", dtype),
                            "add '" + shortName(h.module()) + "' to llm_int8_skip_modules"));
                }
            }
            if (scheme.skipModules().isPresent()) {
                for (String d : defaultSkip(arch)) {
                    if (!skip.contains(d)) {
                        warnings.add("llm_int8_skip_modules replaces transformers' default list, which holds '" + d
                                + "'; list it too, or " + (arch.tiedModules().contains(d)
                                        ? "the tied output embedding is swapped for a quantized Linear and loses its tie"
                                        : "it is quantized as well"));
                    }
                }
            }
        }
        return new WeightPlan(scheme, parts, skip, kept, problems, warnings, allocator, deviceTensors);
    }

    /** transformers' get_keys_to_not_convert: tied weights and the output embedding, or the last module. */
    public static List<String> defaultSkip(ModelArchitecture arch) {
        return arch.tiedModules().isEmpty() ? List.of("lm_head") : arch.tiedModules();
    }

    static Optional<String> matchingKey(String module, List<String> skip) {
        for (String key : skip) {
            if (module.contains(key + ".") || module.equals(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static String reason(ModelArchitecture arch, String key) {
        for (ComputeOutsideForward h : arch.computeOutsideForward()) {
            if (h.module().equals(key) || shortName(h.module()).equals(key)) {
                return "must stay in the compute dtype: " + h.reason();
            }
        }
        if (defaultSkip(arch).contains(key)) {
            return "transformers' default: the output embedding stays unquantized";
        }
        return "listed in llm_int8_skip_modules";
    }

    /** The part of a module path a skip list needs ("mm_vis.vision_model.head" for "model.mm_vis...."). */
    static String shortName(String module) {
        return module.startsWith("model.") ? module.substring("model.".length()) : module;
    }

    /** The device tensors bitsandbytes keeps for one quantized Linear weight of {@code n} elements. */
    private static List<Long> quantizedTensors(QuantizationScheme s, long rows, long n) {
        if (s.weights() == Precision.INT8) {
            return List.of(n, 4 * rows);
        }
        long blocks = (n + s.blocksize() - 1) / s.blocksize();
        if (s.doubleQuant()) {
            return List.of((n + 1) / 2, 16L * 4, blocks, 4 * ((blocks + 255) / 256), 256L * 4, 4L);
        }
        return List.of((n + 1) / 2, 16L * 4, 4 * blocks);
    }
}
