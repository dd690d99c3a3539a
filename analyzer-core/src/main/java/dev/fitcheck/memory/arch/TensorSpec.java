package dev.fitcheck.memory.arch;

import java.util.List;
import java.util.Optional;

/**
 * One tensor of a model, by its checkpoint name ("model.layers.0.self_attn.q_proj.weight"), shape,
 * kind and, when read from a safetensors header, the dtype it is stored in.
 */
public record TensorSpec(String name, List<Long> shape, TensorKind kind, Optional<String> storedDtype) {

    public TensorSpec {
        shape = List.copyOf(shape);
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + name + ": " + shape);
            }
        }
    }

    public static TensorSpec of(String name, TensorKind kind, long... dims) {
        Long[] boxed = new Long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            boxed[i] = dims[i];
        }
        return new TensorSpec(name, List.of(boxed), kind, Optional.empty());
    }

    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The module that owns the tensor: the name without its last segment. */
    public String module() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** The size of the last dimension's partner: for a Linear weight [out, in], {@code out} (its rows). */
    public long rows() {
        return shape.isEmpty() ? 1 : shape.get(0);
    }
}
