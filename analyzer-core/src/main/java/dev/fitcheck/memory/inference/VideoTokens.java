package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.arch.AudioEncoderConfig;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.ProjectorConfig;
import dev.fitcheck.workspace.ModelMemorySpec.VideoSampling;

/**
 * What a video of a given length becomes: frames sampled, tokens per frame (Vidi 1.5 shrinks
 * frames when all of them would pass its token budget), visual and audio tokens, and the 30-second
 * windows Whisper encodes. The same arithmetic as the probe's, so predictions and measurements
 * describe the same input.
 */
public record VideoTokens(
        double seconds,
        int frames,
        int gridSide,
        int tokensPerFrame,
        long visualTokens,
        long audioTokens,
        int audioWindows,
        long audioEncoderFrames) {

    static final int AUDIO_RATE = 16_000;
    static final int AUDIO_HOP = 160;
    static final int WINDOW_SECONDS = 30;

    public static VideoTokens none() {
        return new VideoTokens(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** From the model's projector config (pool and budget) and Whisper's framing. */
    public static VideoTokens of(ModelArchitecture arch, double seconds) {
        ProjectorConfig proj = arch.projector().orElseThrow(() -> new IllegalArgumentException(
                arch.name() + " has no projector config, so fitcheck does not know how it turns video into tokens"));
        if (seconds <= 0) {
            return none();
        }
        int frames = (int) Math.ceil(seconds * proj.framesPerSecond());
        ProjectorConfig.ImagePool pool = proj.imagePool();
        int side;
        int pooled;
        if (pool.type().equals("space_to_depth")) {
            int padded = pool.paddedSide();
            int m = pool.size();
            side = padded;
            if ((long) frames * padded * padded > (long) pool.tokenBudget() * m * m) {
                double ratio = Math.sqrt((double) pool.tokenBudget() * m * m / ((double) frames * padded * padded));
                int h = (int) (padded * ratio);
                side = Math.max(pool.minSide(), h - h % 2);
            }
            pooled = side / m;
        } else {
            side = pool.size();
            pooled = pool.size();
        }
        AudioEncoderConfig audio = arch.audio().orElse(null);
        long samples = Math.round(seconds * AUDIO_RATE);
        int windows = audio == null ? 0 : (int) ((samples + (long) AUDIO_RATE * WINDOW_SECONDS - 1) / ((long) AUDIO_RATE * WINDOW_SECONDS));
        long encoderFrames = audio == null ? 0 : (samples / AUDIO_HOP) * audio.maxSourcePositions() / audio.melFramesPerWindow();
        long audioTokens = encoderFrames / proj.audioPoolSize();
        return new VideoTokens(seconds, frames, side, pooled * pooled, (long) frames * pooled * pooled, audioTokens,
                windows, encoderFrames);
    }

    /** From fitcheck.yaml's sampling alone, for models without a projector config. */
    public static VideoTokens of(VideoSampling sampling, double seconds) {
        if (seconds <= 0) {
            return none();
        }
        int frames = (int) Math.ceil(seconds * sampling.framesPerSecond());
        int side = (int) Math.round(Math.sqrt(sampling.visualTokensPerFrame()));
        return new VideoTokens(seconds, frames, side, sampling.visualTokensPerFrame(),
                (long) frames * sampling.visualTokensPerFrame(), (long) Math.floor(seconds * sampling.audioTokensPerSecond()),
                0, 0);
    }
}
