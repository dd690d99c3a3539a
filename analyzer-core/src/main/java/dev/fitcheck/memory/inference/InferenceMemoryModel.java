package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.CachingAllocator;
import dev.fitcheck.memory.arch.AudioEncoderConfig;
import dev.fitcheck.memory.arch.LanguageModelConfig;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.ProjectorConfig;
import dev.fitcheck.memory.arch.VisionTowerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory a Vidi-style inference allocates beyond its weights, phase by phase, following the
 * order of operations of Vidi's code (and of the probe, which replays it): the whole video and its
 * mel windows on the GPU; the vision tower in splits, keeping every layer's output of a split
 * ({@code output_hidden_states}) and then concatenating all splits' features; pooling, projector
 * and float32 RMSNorms over every visual token; Whisper likewise; then each language-model layer,
 * which caches K and V of every visual and audio token and pushes all of them through its MLP (in
 * splits, concatenated); then decode steps that re-expand the cached K/V to all heads per layer.
 * Where the same tensor lives across phases (the video's embeddings, the caches) it is counted
 * once, in what the phase leaves behind.
 */
public final class InferenceMemoryModel {

    public InferenceMemory estimate(ModelArchitecture arch, InferenceRequest req) {
        LanguageModelConfig lm = arch.language();
        VideoTokens tok = arch.projector().isPresent() ? VideoTokens.of(arch, req.videoSeconds()) : VideoTokens.none();
        boolean gemma = lm.family().equals("gemma2");
        long e = req.activations().bytes();
        long d = lm.hiddenSize();
        long qd = (long) lm.attentionHeads() * lm.headDim();
        long kvd = (long) lm.keyValueHeads() * lm.headDim();
        long inter = lm.intermediateSize();
        long layers = lm.layers();
        long v = tok.visualTokens();
        long a = tok.audioTokens();
        long t = req.context();
        int splits = arch.projector().map(ProjectorConfig::splits).orElse(1);
        List<PhaseMemory> phases = new ArrayList<>();

        // Inputs: every frame at full resolution and every 30-second mel window, on the GPU up front.
        long pixels = 0;
        long mels = 0;
        VisionTowerConfig vis = arch.vision().orElse(null);
        AudioEncoderConfig aud = arch.audio().orElse(null);
        if (vis != null) {
            pixels = (long) tok.frames() * vis.channels() * vis.imageSize() * vis.imageSize() * e;
        }
        if (aud != null) {
            mels = (long) tok.audioWindows() * aud.melBins() * aud.melFramesPerWindow() * e;
        }
        long inputs = pixels + mels + 8 * t;
        phases.add(new PhaseMemory("inputs", inputs, inputs, "frames and mel windows"));

        // Vision tower, pooling, projector.
        long imageEmbeds = v * d * e;
        if (vis != null && tok.frames() > 0) {
            ProjectorConfig proj = arch.projector().orElseThrow();
            long f = tok.frames();
            long frep = f <= splits ? f * ceilDiv(splits, f) : f;
            long chunk = ceilDiv(frep, splits);
            long n = (long) vis.patchesPerSide() * vis.patchesPerSide();
            long dv = vis.hiddenSize();
            long repeatPixels = f <= splits ? frep * vis.channels() * vis.imageSize() * vis.imageSize() * e : 0;
            long hiddenList = (vis.layers() + 1L) * chunk * n * dv * e;
            long layerTransient = chunk * n * e * Math.max(7 * dv, 2L * vis.intermediateSize());
            long lastSplit = (frep - chunk) * n * dv * e + hiddenList + layerTransient;
            long merge = 2 * frep * n * dv * e;
            long tower = repeatPixels + Math.max(lastSplit, merge);
            long features = frep * n * dv * e;
            long pooledChannels;
            long poolPeak;
            long pooled;
            ProjectorConfig.ImagePool pool = proj.imagePool();
            long tpf = tok.tokensPerFrame();
            if (pool.type().equals("space_to_depth")) {
                long m = pool.size();
                pooledChannels = dv * m * m;
                long side = tok.gridSide();
                long repeatFeatures = f <= splits ? frep * n * dv * e : 0;
                long padded = (long) pool.paddedSide() * pool.paddedSide();
                long chunkTransient = chunk * dv * e * (padded + (side != pool.paddedSide() ? side * side : 0) + side * side);
                pooled = frep * tpf * pooledChannels * e;
                poolPeak = features + repeatFeatures + 2 * pooled + chunkTransient;
            } else {
                pooledChannels = dv;
                long conv = vis.patchesPerSide() - proj.module("mm_rand_img_pool.conv").map(ProjectorConfig.Module::kernel).orElse(1) + 1L;
                long repeatFeatures = f <= splits ? frep * n * dv * e : 0;
                pooled = frep * tpf * dv * e;
                poolPeak = features + repeatFeatures + 2 * pooled + chunk * dv * e * (conv * conv + tpf);
            }
            long projector = Math.max(pooled + v * pooledChannels * e + v * d * e, v * d * (e + 8));
            long peak = Math.max(tower, Math.max(poolPeak, projector));
            String at = peak == tower ? (merge >= lastSplit ? "concatenating the tower's features" : "the tower's last split")
                    : peak == poolPeak ? "pooling frames into tokens" : "projecting and normalising visual tokens";
            phases.add(new PhaseMemory("vision", inputs + peak, inputs + imageEmbeds, at));
        }
        long afterVision = inputs + imageEmbeds;

        // Whisper over 30-second windows, then pooling and projector.
        long audioEmbeds = a * d * e;
        if (aud != null && tok.audioWindows() > 0) {
            long c = tok.audioWindows();
            long crep = c <= splits ? c * ceilDiv(splits, c) : c;
            long chunk = ceilDiv(crep, splits);
            long da = aud.dModel();
            long pos = aud.maxSourcePositions();
            long repeatMels = c <= splits ? crep * aud.melBins() * aud.melFramesPerWindow() * e : 0;
            long chunkPeak = chunk * pos * e * Math.max(8 * da, Math.max(da + 2L * aud.ffnDim(), 4 * da));
            long lastSplit = (crep - chunk) * pos * da * e + chunkPeak;
            long merge = 2 * crep * pos * da * e;
            long tail = crep * pos * da * e + a * d * (e + 8) + tok.audioEncoderFrames() * da * e;
            long peak = Math.max(repeatMels + Math.max(lastSplit, merge), tail);
            phases.add(new PhaseMemory("audio", afterVision + peak, afterVision + audioEmbeds,
                    peak == tail ? "projecting audio tokens" : "Whisper's windows"));
        }
        long afterAudio = afterVision + audioEmbeds;

        // Prefill through the language model.
        long crossPerLayer = 2 * (v + a) * kvd * e;
        long cross = layers * crossPerLayer;
        long textPrefill = textCache(lm, req, t, true, e);
        long chain = (v + a) * d * e; // the embeddings each layer hands to the next (generate keeps the originals)
        long imageMerge = 5 * v * d * e;
        long audioMerge = 3 * v * d * e + 5 * a * d * e;
        long xattn = v * d * e + 2 * v * qd * e;
        long layerPeak = Math.max(Math.max(imageMerge, audioMerge), xattn);
        long textActivations = t * e * (2 * d + 3 * inter) + t * (d * e);
        long logits = (req.allLogits() ? t : 1) * lm.vocabSize() * (e + 4);
        long lastLayer = afterAudio + t * d * e + chain + (cross - 2 * a * kvd * e) + textPrefill + layerPeak + textActivations;
        long atLogits = afterAudio + t * d * e + chain + cross + textPrefill + logits;
        long prefill = Math.max(lastLayer, atLogits);
        long residentAfterPrefill = afterAudio + cross + textCache(lm, req, t, false, e);
        phases.add(new PhaseMemory("prefill", prefill, residentAfterPrefill,
                prefill == atLogits ? "the logits" : v + a > 0 ? "the last layer's visual-token MLP" : "the last layer"));

        // Decode: the cached K/V of one layer expanded to every head, per step.
        long steps = req.decodeSteps();
        if (steps > 0) {
            long textAfter = textCache(lm, req, t + steps, false, e);
            long normalized = gemma ? (v + a) * d * e : 0;
            long expand = Math.max(2 * v * qd * e, v * qd * e + 2 * a * qd * e);
            long growth = 2 * (t + steps) * kvd * e;
            long decode = afterAudio + cross + textAfter + normalized + expand + growth + lm.vocabSize() * (e + 4);
            phases.add(new PhaseMemory("decode", decode, afterAudio + cross + textAfter, "re-expanding cached visual K/V"));
        }
        return new InferenceMemory(tok, phases, textCache(lm, req, t + steps, false, e), cross, inputs);
    }

    /** Bytes of the text KV cache holding {@code tokens}; {@code prefill} is the moment right after prefill. */
    static long textCache(LanguageModelConfig lm, InferenceRequest req, long tokens, boolean prefill, long e) {
        long perToken = lm.kvBytesPerTokenPerLayer((int) e);
        long total = 0;
        long maxLen = req.context() + (long) req.decodeSteps();
        for (boolean sliding : lm.slidingLayers()) {
            int w = lm.slidingWindow().orElse(Integer.MAX_VALUE);
            long held;
            if (req.textCache() == TextCachePolicy.HYBRID && lm.slidingWindow().isPresent()) {
                held = sliding ? Math.min(w, maxLen) : maxLen;
            } else if (req.textCache() == TextCachePolicy.DYNAMIC && sliding && !prefill) {
                held = Math.min(tokens, w - 1L);
            } else {
                held = tokens;
            }
            total += held * perToken;
        }
        return total;
    }

    /** Reserved bytes of the caches, rounded as the caching allocator rounds each tensor. */
    public static long reservedCaches(ModelArchitecture arch, InferenceMemory m, long e) {
        LanguageModelConfig lm = arch.language();
        long kvd = (long) lm.keyValueHeads() * lm.headDim();
        long perImage = CachingAllocator.reserved(m.tokens().visualTokens() * kvd * e);
        long perAudio = CachingAllocator.reserved(m.tokens().audioTokens() * kvd * e);
        return 2L * lm.layers() * (perImage + perAudio);
    }

    static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }
}
