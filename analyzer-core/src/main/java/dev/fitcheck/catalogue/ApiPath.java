package dev.fitcheck.catalogue;

import java.util.Objects;
import java.util.Optional;

/**
 * A symbol of a package: a module, a name in it, or a member of a class named there.
 * {@code member} may be set only with {@code name}.
 */
public record ApiPath(String module, Optional<String> name, Optional<String> member) {

    public ApiPath {
        Objects.requireNonNull(module, "module");
        if (member.isPresent() && name.isEmpty()) {
            throw new IllegalArgumentException("a member needs a name");
        }
    }

    public static ApiPath module(String module) {
        return new ApiPath(module, Optional.empty(), Optional.empty());
    }

    public static ApiPath name(String module, String name) {
        return new ApiPath(module, Optional.of(name), Optional.empty());
    }

    public static ApiPath member(String module, String name, String member) {
        return new ApiPath(module, Optional.of(name), Optional.of(member));
    }

    /** {@code transformers.cache_utils.HybridCache}, {@code transformers.Trainer.train}. */
    public String dotted() {
        return module + name.map(n -> "." + n).orElse("") + member.map(m -> "." + m).orElse("");
    }

    @Override
    public String toString() {
        return dotted();
    }
}
