package dev.fitcheck.run;

import dev.fitcheck.workspace.ModelSpec;
import java.util.List;

/**
 * The static stage's yardstick: for each package, the range a model's installed version must lie
 * in. The analysis supplies declared ∩ inferred ranges; {@link DeclaredRanges} uses the
 * manifests alone.
 */
@FunctionalInterface
public interface EffectiveRanges {

    List<EffectiveRange> of(ModelSpec model);
}
