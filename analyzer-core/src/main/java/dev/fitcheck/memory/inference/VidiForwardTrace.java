package dev.fitcheck.memory.inference;

import dev.fitcheck.memory.alloc.CachingAllocatorSimulation;
import dev.fitcheck.memory.arch.AudioEncoderConfig;
import dev.fitcheck.memory.arch.LanguageModelConfig;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.arch.ProjectorConfig;
import dev.fitcheck.memory.arch.VisionTowerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Every device tensor of one Vidi-style inference, allocated and freed in the order Vidi's code
 * (and env-manager's probe, which replays it op by op) creates and drops them, fed to a
 * {@link CachingAllocatorSimulation}. Each method mirrors one function of the probe; a tensor is
 * freed where Python drops its last reference (a temporary after the op that consumes it, a local
 * when its function returns, a rebound name after the new value exists). Kernels' own transient
 * workspaces (cuDNN convolutions) are not known statically and are left out; flash attention's
 * output and log-sum-exp are in.
 */
final class VidiForwardTrace {

    private final CachingAllocatorSimulation mem;
    private final LanguageModelConfig lm;
    private final VisionTowerConfig vis;
    private final AudioEncoderConfig aud;
    private final ProjectorConfig proj;
    private final VideoTokens tok;
    private final InferenceRequest req;
    private final boolean gemma;
    private final long e;
    private final long d;
    private final long qd;
    private final long kvd;
    private final int splits;
    private final List<PhaseMemory> phases = new ArrayList<>();

    VidiForwardTrace(CachingAllocatorSimulation mem, ModelArchitecture arch, VideoTokens tok, InferenceRequest req) {
        this.mem = mem;
        this.lm = arch.language();
        this.vis = arch.vision().orElse(null);
        this.aud = arch.audio().orElse(null);
        this.proj = arch.projector().orElse(null);
        this.tok = tok;
        this.req = req;
        this.gemma = lm.family().equals("gemma2");
        this.e = req.activations().bytes();
        this.d = lm.hiddenSize();
        this.qd = (long) lm.attentionHeads() * lm.headDim();
        this.kvd = (long) lm.keyValueHeads() * lm.headDim();
        this.splits = proj == null ? 1 : proj.splits();
    }

    /** Runs the probe's run_point: inputs, vision, audio, prefill, decode, each measured as the probe's Meter does. */
    List<PhaseMemory> run() {
        long t = req.context();
        begin("inputs");
        long images = tok.frames() > 0 && vis != null ? a((long) tok.frames() * vis.channels() * vis.imageSize() * vis.imageSize() * e) : 0;
        long audio = tok.audioWindows() > 0 && aud != null ? a((long) tok.audioWindows() * aud.melBins() * aud.melFramesPerWindow() * e) : 0;
        long ids = a(8 * t);
        end("inputs", "frames and mel windows");

        begin("vision");
        long imageEmbeds = images != 0 ? encodeImages() : 0;
        end("vision", "the vision tower and its projector");
        begin("audio");
        long audioEmbeds = audio != 0 ? encodeAudio() : 0;
        end("audio", "Whisper and the audio projector");

        TextCache cache = new TextCache(t + req.decodeSteps());
        long[] imageCache = new long[2 * lm.layers()];
        long[] audioCache = new long[2 * lm.layers()];
        begin("prefill");
        site("prefill: embeddings");
        long embeds = a(t * d * e);
        long logits = forwardLm(embeds, t, 0, cache, imageEmbeds, imageCache, audioEmbeds, audioCache, req.allLogits());
        long token = a(8);
        f(embeds, logits);
        end("prefill", "prefill");

        begin("decode");
        for (int step = 0; step < req.decodeSteps(); step++) {
            long embed = a(d * e);
            long l = forwardLm(embed, 1, t + step, cache, imageEmbeds, imageCache, audioEmbeds, audioCache, req.allLogits());
            f(token);
            token = a(8);
            f(embed, l);
        }
        end("decode", "decode steps");
        return phases;
    }

    // ---------------------------------------------------------------------------------------
    // Vision: SigLIP in splits, pooling, projector, position embeddings, llm norm.
    // ---------------------------------------------------------------------------------------

    private long encodeImages() {
        long frames = tok.frames();
        long patches = (long) vis.patchesPerSide() * vis.patchesPerSide();
        long dv = vis.hiddenSize();
        long pixelRow = (long) vis.channels() * vis.imageSize() * vis.imageSize() * e;
        site("vision: SigLIP tower");
        long[] tower = splitted(frames, pixelRow, new long[] {dv * e, patches * dv * e}, this::siglip);
        long pooledCls = tower[0];
        long feats = tower[1];
        long v = tok.visualTokens();
        ProjectorConfig.ImagePool pool = proj.imagePool();
        long pooled;
        long pooledChannels;
        site("vision: pooling frames into tokens");
        if (pool.type().equals("space_to_depth")) {
            long side = tok.gridSide();
            long padded = pool.paddedSide();
            pooledChannels = dv * pool.size() * pool.size();
            pooled = splitted(frames, patches * dv * e, new long[] {side * side * dv * e}, n -> {
                long x = a(n * dv * padded * padded * e);
                if (side != padded) {
                    long y = a(n * dv * side * side * e);
                    f(x);
                    x = y;
                }
                long folded = a(n * dv * side * side * e);
                f(x);
                return new long[] {folded};
            })[0];
        } else {
            long conv = vis.patchesPerSide() - proj.module("mm_rand_img_pool.conv").map(ProjectorConfig.Module::kernel).orElse(1) + 1L;
            long size = pool.size();
            pooledChannels = dv;
            pooled = splitted(frames, patches * dv * e, new long[] {size * size * dv * e}, n -> {
                long c = a(n * dv * conv * conv * e);
                long r = a(n * dv * size * size * e);
                f(c);
                return new long[] {r};
            })[0];
        }
        f(feats);
        site("vision: projecting visual tokens");
        // the projector's first Linear reads the pooled grid permuted to channels-last: for the
        // space-to-depth fold that is not contiguous, and matmul copies it first
        long x;
        if (pool.type().equals("space_to_depth")) {
            long copy = a(v * pooledChannels * e);
            x = a(v * d * e);
            f(copy);
        } else {
            x = a(v * d * e);
        }
        x = mlpTail("mm_rand_img_projector", v, x);
        f(pooled);
        x = vidiRmsNormWeighted(v, x);
        site("vision: position embeddings");
        long side = (long) Math.sqrt(tok.tokensPerFrame());
        x = addPosition(v, x, side);
        x = addPosition(v, x, side);
        x = addPosition(v, x, frames);
        site("vision: padding and the llm norm");
        long out = padMaskNorm(v, x);
        f(pooledCls);
        return out;
    }

    /** SigLIP's forward on one split of {@code n} frames: returns (pooled head output, the selected hidden state). */
    private long[] siglip(long n) {
        long patches = (long) vis.patchesPerSide() * vis.patchesPerSide();
        long dv = vis.hiddenSize();
        long h = n * patches * dv * e;
        long inter = n * patches * vis.intermediateSize() * e;
        long conv = a(h);
        long x = a(h);
        f(conv);
        List<Long> hidden = new ArrayList<>();
        hidden.add(x);
        for (int i = 0; i < vis.layers(); i++) {
            long ln1 = a(h);
            long q = a(h);
            long k = a(h);
            long v = a(h);
            long o = a(h);
            long lse = a(n * vis.attentionHeads() * patches * 4);
            long out = a(h);
            f(q, k, v, o, lse, ln1);
            long x1 = a(h);
            f(out);
            long ln2 = a(h);
            long fc1 = a(inter);
            f(ln2);
            long g = a(inter);
            f(fc1);
            long fc2 = a(h);
            f(g);
            long x2 = a(h);
            f(fc2, x1);
            x = x2;
            hidden.add(x);
        }
        long post = a(h);
        // the attention-pooling head: one probe query over every patch; MultiheadAttention's
        // packed key/value projection and its contiguous copy are the large tensors
        long probe = a(n * dv * e);
        long q = a(n * dv * e);
        long kv = a(2 * h);
        long kvc = a(2 * h);
        f(kv);
        long o = a(n * dv * e);
        long lse = a(n * vis.attentionHeads() * 4);
        long attn = a(n * dv * e);
        f(q, kvc, o, lse, probe, post);
        long ln = a(n * dv * e);
        long fc1 = a(n * vis.intermediateSize() * e);
        f(ln);
        long g = a(n * vis.intermediateSize() * e);
        f(fc1);
        long fc2 = a(n * dv * e);
        f(g);
        long pooled = a(n * dv * e);
        f(fc2, attn);
        int select = proj.visionSelectLayer() < 0 ? hidden.size() + proj.visionSelectLayer() : proj.visionSelectLayer();
        long selected = hidden.get(select);
        for (int i = 0; i < hidden.size(); i++) {
            if (i != select) {
                f(hidden.get(i));
            }
        }
        return new long[] {pooled, selected};
    }

    // ---------------------------------------------------------------------------------------
    // Audio: Whisper over 30-second windows in splits, pooling, projector.
    // ---------------------------------------------------------------------------------------

    private long encodeAudio() {
        long da = aud.dModel();
        long pos = aud.maxSourcePositions();
        long windowRow = (long) aud.melBins() * aud.melFramesPerWindow() * e;
        site("audio: Whisper");
        long enc = splitted(tok.audioWindows(), windowRow, new long[] {pos * da * e}, this::whisper)[0];
        long frames = tok.audioEncoderFrames();
        long at = tok.audioTokens();
        long poolSize = proj.audioPoolSize();
        long poolOut = proj.module("mm_rand_aud_pool").map(ProjectorConfig.Module::out).orElse((int) da);
        long pooledFrames = frames / poolSize;
        site("audio: pooling");
        long pooled;
        if (gemma) {
            // Conv1d over the channels-last view: cuDNN wants it contiguous first
            long copy = a(frames * da * e);
            pooled = a(pooledFrames * poolOut * e);
            f(copy);
        } else {
            // Vidi 7B pools through splitted_call along the batch dimension of a batch of one:
            // the whole sequence is repeated once per split, and every split's output kept until cat
            pooled = splitted(1, frames * da * e, new long[] {pooledFrames * poolOut * e}, n -> new long[] {a(n * pooledFrames * poolOut * e)})[0];
        }
        f(enc);
        site("audio: projecting audio tokens");
        long x = a(at * d * e);
        x = mlpTail("mm_rand_aud_projector", at, x);
        f(pooled);
        x = vidiRmsNormWeighted(at, x);
        site("audio: position embeddings");
        x = addPosition(at, x, at);
        site("audio: padding and the llm norm");
        return padMaskNorm(at, x);
    }

    private long[] whisper(long n) {
        long da = aud.dModel();
        long pos = aud.maxSourcePositions();
        long h = n * pos * da * e;
        long ffn = n * pos * aud.ffnDim() * e;
        long c1 = a(2 * h);
        long g1 = a(2 * h);
        f(c1);
        long c2 = a(h);
        long g2 = a(h);
        f(c2, g1);
        long x = a(h);
        f(g2);
        for (int i = 0; i < aud.layers(); i++) {
            long ln = a(h);
            long q = a(h);
            long k = a(h);
            long v = a(h);
            long o = a(h);
            long lse = a(n * aud.attentionHeads() * pos * 4);
            long out = a(h);
            long x1 = a(h);
            f(out, q, k, v, o, lse);
            long ln2 = a(h);
            long fc1 = a(ffn);
            f(ln2);
            long g = a(ffn);
            f(fc1);
            long fc2 = a(h);
            f(g);
            long x2 = a(h);
            f(fc2, ln, x1, x);
            x = x2;
        }
        long out = a(h);
        f(x);
        return new long[] {out};
    }

    // ---------------------------------------------------------------------------------------
    // Shared pieces of the encoders.
    // ---------------------------------------------------------------------------------------

    /**
     * Vidi's split.py: {@code rows} along the split dimension, repeated to fill every split when
     * there are no more rows than splits; each split's outputs kept until all are concatenated.
     */
    private long[] splitted(long rows, long inputRowBytes, long[] outputRowBytes, Chunk fn) {
        if (splits == 1) {
            return fn.run(rows);
        }
        long repeated = rows;
        long repeat = 0;
        if (rows <= splits) {
            repeated = rows * ((splits + rows - 1) / rows);
            repeat = a(repeated * inputRowBytes);
        }
        long base = repeated / splits;
        long bigger = repeated % splits;
        List<long[]> outs = new ArrayList<>(splits);
        for (int i = 0; i < splits; i++) {
            outs.add(fn.run(i < bigger ? base + 1 : base));
        }
        long[] cat = new long[outputRowBytes.length];
        for (int j = 0; j < cat.length; j++) {
            cat[j] = a(repeated * outputRowBytes[j]);
        }
        for (long[] o : outs) {
            f(o);
        }
        f(repeat);
        return cat;
    }

    @FunctionalInterface
    private interface Chunk {
        long[] run(long rows);
    }

    /** The rest of an mlpNx_gelu projector after its first Linear: (GELU, Linear) repeated. */
    private long mlpTail(String module, long rows, long x) {
        ProjectorConfig.Module m = proj.module(module).orElse(null);
        int depth = m == null ? 2 : m.depth();
        for (int i = 1; i < depth; i++) {
            long g = a(rows * d * e);
            f(x);
            long y = a(rows * d * e);
            f(g);
            x = y;
        }
        return x;
    }

    /** Vidi's rms_norm: float32 copy, its square, the normalised float32 tensor, back to the dtype. */
    private long vidiRmsNorm(long rows, long width) {
        long h = a(rows * width * 4);
        long p = a(rows * width * 4);
        long m = a(rows * 4);
        f(p);
        long r = a(rows * 4);
        f(m);
        long h2 = a(rows * width * 4);
        f(h, r);
        long out = a(rows * width * e);
        f(h2);
        return out;
    }

    /** VidiRMSNorm: weight times rms_norm(x); frees its input (the caller rebinds). */
    private long vidiRmsNormWeighted(long rows, long x) {
        long n = vidiRmsNorm(rows, d);
        long out = a(rows * d * e);
        f(n, x);
        return out;
    }

    /** x + rms_norm(LearnablePosEmbd(x, dim)) over {@code length} positions, broadcast to every token. */
    private long addPosition(long rows, long x, long length) {
        long pe = a(length * d * 4);
        for (int half = 0; half < 2; half++) {
            long arg = a(length * (d / 2) * 4);
            long s = a(length * (d / 2) * 4);
            f(arg, s);
        }
        long w1 = a(d * d * 4);
        long h = a(length * d * 4);
        f(w1);
        long g = a(length * d * 4);
        long w2 = a(d * d * 4);
        long h2 = a(length * d * 4);
        f(w2);
        long low = a(length * d * e);
        f(h2, g, h, pe);
        long n = vidiRmsNorm(length, d);
        f(low);
        long y = a(rows * d * e);
        f(n, x);
        return y;
    }

    /** pad_sequence of one sequence (a copy), the non-zero mask, llm_norm, and the masked product. */
    private long padMaskNorm(long rows, long x) {
        long padded = a(rows * d * e);
        f(x);
        long abs = a(rows * d * e);
        long sum = a(rows * e);
        f(abs);
        long mask = a(rows);
        f(sum);
        long normed = vidiRmsNormWeighted(rows, padded);
        long out = a(rows * d * e);
        f(normed, mask);
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // The language model.
    // ---------------------------------------------------------------------------------------

    /** forward_lm over {@code t} new tokens from position {@code start}; returns the logits tensor. */
    private long forwardLm(long embeds, long t, long start, TextCache cache, long image, long[] imageCache, long audio,
            long[] audioCache, boolean allLogits) {
        String stage = start == 0 ? "prefill" : "decode";
        long hd = lm.headDim();
        long rope = a(t * hd / 2 * 4 * 2);
        long emb = a(t * hd * 4);
        long cos = a(t * hd * 4);
        long cosE = a(t * hd * e);
        f(cos);
        long sin = a(t * hd * 4);
        long sinE = a(t * hd * e);
        f(sin);
        long hidden = embeds;
        long img = image;
        long au = audio;
        if (gemma) {
            // hidden_size ** 0.5 as a CPU scalar tensor: only the products are on the device
            hidden = a(t * d * e);
            if (image != 0) {
                img = a(tok.visualTokens() * d * e);
            }
            if (audio != 0) {
                au = a(tok.audioTokens() * d * e);
            }
        }
        long v = tok.visualTokens();
        long at = tok.audioTokens();
        for (int i = 0; i < lm.layers(); i++) {
            site(stage + ": layer " + i);
            long[] out = layer(i, hidden, t, start, cache, img, imageCache, v, au, audioCache, at);
            if (hidden != embeds) {
                f(hidden);
            }
            hidden = out[0];
            if (out[1] != img && img != 0) {
                if (img != image) {
                    f(img);
                }
                img = out[1];
            }
            if (out[2] != au && au != 0) {
                if (au != audio) {
                    f(au);
                }
                au = out[2];
            }
        }
        site(stage + ": logits");
        long normed = norm(t);
        if (hidden != embeds) {
            f(hidden);
        }
        long rows = allLogits ? t : 1;
        long logits = a(rows * lm.vocabSize() * e);
        long logits32 = a(rows * lm.vocabSize() * 4);
        f(logits, normed, cosE, sinE, emb, rope);
        if (img != image) {
            f(img);
        }
        if (au != audio) {
            f(au);
        }
        return logits32;
    }

    /** One decoder layer; returns {hidden, image embeddings, audio embeddings} for the next. */
    private long[] layer(int idx, long hidden, long t, long start, TextCache cache, long img, long[] imageCache, long v,
            long au, long[] audioCache, long at) {
        long h = norm(t);
        long text = textAttention(idx, t, start, cache);
        List<Long> extra = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        long[] embedsOut = {img, au};
        long[] rowsOf = {v, at};
        long[][] caches = {imageCache, audioCache};
        String[] names = {"image", "audio"};
        for (int s = 0; s < 2; s++) {
            long embeds = embedsOut[s];
            long rows = rowsOf[s];
            if (embeds == 0) {
                continue;
            }
            String stage = start == 0 ? "prefill" : "decode";
            site(stage + ": layer " + idx + ", " + names[s] + " tokens");
            boolean useCache = caches[s][2 * idx] != 0;
            long normed = useCache ? 0 : splittedRows(rows, d * e, this::norm);
            long q = a(t * qd * e);
            if (!useCache) {
                if (gemma) {
                    caches[s][2 * idx] = splittedRows(rows, kvd * e, n -> a(n * kvd * e));
                    caches[s][2 * idx + 1] = splittedRows(rows, kvd * e, n -> a(n * kvd * e));
                } else {
                    caches[s][2 * idx] = a(rows * kvd * e);
                    caches[s][2 * idx + 1] = a(rows * kvd * e);
                }
            }
            // repeat_kv materialises K and V for every query head
            long kExp = a(rows * qd * e);
            long vExp = a(rows * qd * e);
            long o = a(t * qd * e);
            long lse = a((long) lm.attentionHeads() * t * 4);
            long out = a(t * d * e);
            f(q, o, lse, kExp);
            extra.add(out);
            long valueStates = vExp;
            if (!useCache) {
                long flat = a(rows * qd * e);
                f(vExp);
                long projected = a(rows * d * e);
                f(flat);
                valueStates = projected;
                if (gemma) {
                    valueStates = splittedRows(rows, d * e, this::norm);
                    f(projected);
                }
                long sum = a(rows * d * e);
                long next = splittedRows(rows, d * e, this::feedForward);
                f(sum);
                embedsOut[s] = next;
            }
            held.add(normed);
            held.add(valueStates);
        }
        long total = text;
        for (long x : extra) {
            long y = a(t * d * e);
            if (total != text) {
                f(total);
            }
            total = y;
        }
        long next;
        if (gemma) {
            long n = norm(t);
            next = a(t * d * e);
            f(n);
        } else {
            next = a(t * d * e);
        }
        long out = feedForward(t);
        f(next);
        if (total != text) {
            f(total);
        }
        f(text, h);
        for (long x : extra) {
            f(x);
        }
        for (long x : held) {
            f(x);
        }
        return new long[] {out, embedsOut[0], embedsOut[1]};
    }

    /** splitted_call over token rows (dim 1) of a per-row function; its outputs concatenated. */
    private long splittedRows(long rows, long outputRowBytes, LongUnaryOperator chunk) {
        return splitted(rows, d * e, new long[] {outputRowBytes}, n -> new long[] {chunk.applyAsLong(n)})[0];
    }

    /** The model's RMSNorm over {@code rows} tokens: Gemma's float32 (1 + weight), or Mistral's. */
    private long norm(long rows) {
        long x = a(rows * d * 4);
        long p = a(rows * d * 4);
        long m = a(rows * 4);
        f(p);
        long m2 = a(rows * 4);
        f(m);
        long r = a(rows * 4);
        f(m2);
        long h = a(rows * d * 4);
        f(r, x);
        long out;
        if (gemma) {
            long w = a(d * 4);
            long w1 = a(d * 4);
            f(w);
            long h2 = a(rows * d * 4);
            f(w1);
            out = a(rows * d * e);
            f(h2, h);
        } else {
            long low = a(rows * d * e);
            f(h);
            out = a(rows * d * e);
            f(low);
        }
        return out;
    }

    /** The decoder's feed-forward block over {@code rows} tokens, residual included. */
    private long feedForward(long rows) {
        long inter = rows * lm.intermediateSize() * e;
        long pre = norm(rows);
        long gate = a(inter);
        long act = a(inter);
        f(gate);
        long up = a(inter);
        long prod = a(inter);
        f(act, up);
        long down = a(rows * d * e);
        f(prod, pre);
        long out;
        if (gemma) {
            long post = norm(rows);
            f(down);
            out = a(rows * d * e);
            f(post);
        } else {
            out = a(rows * d * e);
            f(down);
        }
        return out;
    }

    /** Self-attention over the text tokens with rotary positions and the text cache. */
    private long textAttention(int idx, long t, long start, TextCache cache) {
        long q = a(t * qd * e);
        long k = a(t * kvd * e);
        long v = a(t * kvd * e);
        q = rotate(q, t * qd * e);
        k = rotate(k, t * kvd * e);
        long keyLength = cache.update(idx, k, v, t, start);
        boolean sliding = lm.slidingLayers().get(idx);
        long window = lm.slidingWindow().orElse(Integer.MAX_VALUE);
        long mask = 0;
        if (sliding && keyLength > window && t > 1) {
            long qi = a(t * 8);
            long ki = a(keyLength * 8);
            long le = a(t * keyLength);
            long shifted = a(t * 8);
            long gt = a(t * keyLength);
            f(shifted);
            mask = a(t * keyLength);
            f(le, gt, qi, ki);
        }
        long additive = 0;
        if (mask != 0) {
            // scaled_dot_product_attention turns a boolean mask into an additive one in the query's dtype
            long not = a(t * keyLength);
            additive = a(t * keyLength * e);
            f(not);
        }
        long o = a(t * qd * e);
        long lse = a((long) lm.attentionHeads() * t * 4);
        long out = a(t * d * e);
        f(q, o, lse, mask, additive);
        cache.dropUpdateInputs();
        return out;
    }

    /** Rotary embedding of one projection: x*cos + rotate_half(x)*sin; frees its input. */
    private long rotate(long x, long bytes) {
        long neg = a(bytes / 2);
        long rotated = a(bytes);
        f(neg);
        long xc = a(bytes);
        long rs = a(bytes);
        long out = a(bytes);
        f(xc, rs, rotated, x);
        return out;
    }

    /** transformers' text caches, as the probe's TextCache holds them (see {@link TextCachePolicy}). */
    private final class TextCache {
        final long[] keys = new long[lm.layers()];
        final long[] values = new long[lm.layers()];
        final long maxLen;
        long pendingK;
        long pendingV;

        TextCache(long maxLen) {
            this.maxLen = maxLen;
            if (req.textCache() == TextCachePolicy.HYBRID && lm.slidingWindow().isPresent()) {
                long w = lm.slidingWindow().getAsInt();
                for (int i = 0; i < lm.layers(); i++) {
                    long n = lm.slidingLayers().get(i) ? Math.min(w, maxLen) : maxLen;
                    keys[i] = a(n * kvd * e);
                    values[i] = a(n * kvd * e);
                }
            }
        }

        /** Stores the new K and V of layer {@code i}; returns how many keys attention sees. */
        long update(int i, long k, long v, long t, long start) {
            boolean sliding = lm.slidingLayers().get(i);
            long window = lm.slidingWindow().orElse(Integer.MAX_VALUE);
            if (req.textCache() == TextCachePolicy.HYBRID && lm.slidingWindow().isPresent()) {
                long n = sliding ? Math.min(window, maxLen) : maxLen;
                pendingK = k;
                pendingV = v;
                if (t >= n) {
                    return t;
                }
                if (start + t > n) {
                    long rk = a(n * kvd * e);
                    long rv = a(n * kvd * e);
                    f(rk, rv);
                    return n;
                }
                return start + t;
            }
            long length = start + t;
            if (keys[i] == 0) {
                keys[i] = k;
                values[i] = v;
                pendingK = 0;
                pendingV = 0;
            } else {
                long nk = a(length * kvd * e);
                long nv = a(length * kvd * e);
                f(keys[i], values[i]);
                keys[i] = nk;
                values[i] = nv;
                pendingK = k;
                pendingV = v;
            }
            // DYNAMIC's sliding layers keep a view of the last window-1 tokens: the storage stays whole
            return length;
        }

        void dropUpdateInputs() {
            f(pendingK, pendingV);
            pendingK = 0;
            pendingV = 0;
        }
    }

    // ---------------------------------------------------------------------------------------

    private long a(long bytes) {
        return mem.malloc(bytes);
    }

    private void f(long... handles) {
        for (long h : handles) {
            mem.free(h);
        }
    }

    private void site(String where) {
        mem.site(where);
    }

    private void begin(String phase) {
        site(phase);
        mem.resetPeaks();
    }

    private void end(String phase, String what) {
        phases.add(new PhaseMemory(phase, mem.peakAllocated(), mem.peakReserved(), mem.allocated(), mem.reserved(),
                mem.peakAllocatedSite().isEmpty() ? what : mem.peakAllocatedSite(), mem.lastGrowthSite()));
    }
}
