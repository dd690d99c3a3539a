package dev.fitcheck.memory.arch;

import java.util.List;

/**
 * One part of a model (its language model, a tower, the projectors): what it is ("Gemma 2",
 * "SigLIP vision tower") and every tensor it holds.
 */
public record ModulePart(Role role, String description, List<TensorSpec> tensors) {

    public ModulePart {
        tensors = List.copyOf(tensors);
    }

    public long parameters() {
        long n = 0;
        for (TensorSpec t : tensors) {
            n += t.elements();
        }
        return n;
    }
}
