package dev.fitcheck.workspace;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to prove a model works in its environment: the modules to import (empty: every module of
 * the model), the inference command as an argument list run from the model's directory, whether
 * it needs the GPU, its timeout, and extra environment variables.
 */
public record TestSpec(
        List<String> imports,
        Optional<List<String>> command,
        boolean gpu,
        Duration timeout,
        Map<String, String> env) {

    public TestSpec {
        imports = List.copyOf(imports);
        command = command.map(List::copyOf);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
