package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.Precision;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.Role;
import dev.fitcheck.memory.quant.QuantizationScheme;
import dev.fitcheck.memory.quant.WeightPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ways a model can be loaded that the reference analysis weighs: full precision, 8-bit, 4-bit,
 * and 4-bit with the vision and audio towers kept in fp16. The quantized ones use the skip list
 * that works: transformers' default plus every module that must stay in the compute dtype.
 */
public enum LoadConfiguration {
    FULL("full precision (bf16)"),
    INT8("8-bit (LLM.int8)"),
    NF4("4-bit (nf4)"),
    NF4_TOWERS_FP16("4-bit, towers in fp16");

    private final String label;

    LoadConfiguration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Precision activations() {
        return this == FULL ? Precision.BF16 : Precision.FP16;
    }

    public QuantizationScheme scheme(ModelArchitecture arch) {
        if (this == FULL) {
            return QuantizationScheme.full(Precision.BF16);
        }
        List<String> skip = new ArrayList<>(WeightPlanner.defaultSkip(arch));
        arch.computeOutsideForward().forEach(h -> skip.add(h.module().replaceFirst("^model\\.", "")));
        if (this == NF4_TOWERS_FP16) {
            for (Role r : List.of(Role.VISION, Role.AUDIO)) {
                String prefix = arch.prefix(r).replaceFirst("^model\\.", "");
                if (arch.part(r).isPresent() && !prefix.isEmpty()) {
                    skip.add(prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix);
                }
            }
        }
        return this == INT8 ? QuantizationScheme.int8(Optional.of(skip)) : QuantizationScheme.nf4(Optional.of(skip));
    }
}
