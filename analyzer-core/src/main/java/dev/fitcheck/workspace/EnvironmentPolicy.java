package dev.fitcheck.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model's environment is built: releases chosen by the user over the manifests
 * ({@code pins}), packages taken from the base interpreter instead of installed ({@code inherit},
 * torch and its CUDA wheels), and packages left out on a machine without CUDA
 * ({@code skipWithoutCuda}, those that need nvcc or a GPU to build or install).
 */
public record EnvironmentPolicy(
        Map<String, String> pins,
        List<String> inherit,
        List<String> skipWithoutCuda) {

    public EnvironmentPolicy {
        pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        inherit = List.copyOf(inherit);
        skipWithoutCuda = List.copyOf(skipWithoutCuda);
    }

    public static EnvironmentPolicy none() {
        return new EnvironmentPolicy(Map.of(), List.of(), List.of());
    }
}
