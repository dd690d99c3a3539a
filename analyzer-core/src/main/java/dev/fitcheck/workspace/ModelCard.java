package dev.fitcheck.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a model card says: a title, the base model, the parameter count as published ("7B"),
 * features (name to supported), and a status such as "current" or "legacy".
 */
public record ModelCard(
        String title,
        Optional<String> baseModel,
        Optional<String> parameters,
        Map<String, Boolean> features,
        Optional<String> status) {

    public ModelCard {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }
}
