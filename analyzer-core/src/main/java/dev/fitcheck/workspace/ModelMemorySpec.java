package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the memory planner reads for a model: the config.json of each part (keyed by role:
 * language, vision, audio, projector), a directory of safetensors weights when they are present
 * (exact counts from their headers), and the video sampling that fills the cross-attention cache.
 */
public record ModelMemorySpec(
        Map<String, Path> configs,
        Optional<Path> weights,
        Optional<VideoSampling> video) {

    public ModelMemorySpec {
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }

    /**
     * How a model turns video into tokens: frames sampled per second, visual tokens per frame
     * after pooling, audio tokens per second.
     */
    public record VideoSampling(double framesPerSecond, int visualTokensPerFrame, double audioTokensPerSecond) {
    }
}
