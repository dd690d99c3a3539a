#!/usr/bin/env python3
"""fitcheck's memory probe: builds a Vidi-shaped model from fitcheck's config files with random
weights made on the device, runs one multimodal prefill and a few decode steps the way Vidi's
inference does, and prints what it measured as JSON.

It needs torch only (no transformers, no bitsandbytes unless --quant asks for it, no network, no
weights): every module is written here in plain torch, following the order of operations, the
splits and the tensors kept alive of Vidi's own code, so that the memory it uses is the memory
Vidi uses. Attention runs through torch's scaled_dot_product_attention (its flash kernel on a GPU),
standing in for flash-attn; Gemma's logit soft-capping is left out (it changes no tensor size).

  python3 probe.py --shape vidi-9b --dtype bf16 --context 64 --video-seconds 60 --decode-steps 32
  python3 probe.py --shape vidi-9b --sweep 64:0,64:60,64:300,4096:600 --out results.json
  python3 probe.py --shape vidi-9b --device cpu --tiny --video-seconds 4 --decode-steps 2
  python3 probe.py --shape vidi-9b --expandable-segments --sweep 64:300,64:3600
"""
import argparse
import gc
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time

PROBE_VERSION = 2  # 2: records the caching allocator's configuration (allocator_conf)
SHAPES = {"vidi-9b": "Vidi1.5_9B", "vidi-7b": "Vidi_7B"}
AUDIO_RATE = 16000
AUDIO_HOP = 160
AUDIO_WINDOW_SECONDS = 30


# --------------------------------------------------------------------------------------------
# Shapes and token counts: plain Python, no torch.
# --------------------------------------------------------------------------------------------

def find_config_dir(shape):
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    while True:
        candidate = os.path.join(d, "fixtures", "vidi", SHAPES[shape], "config")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(d)
        if parent == d:
            raise SystemExit("probe: cannot find fixtures/vidi/%s/config above %s; pass --config-dir" % (SHAPES[shape], here))
        d = parent


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_shape(config_dir, tiny):
    """The four configs of a Vidi shape; with tiny, the same structure with small widths."""
    lm = read_json(os.path.join(config_dir, "language.json"))
    vis = read_json(os.path.join(config_dir, "vision.json"))
    aud = read_json(os.path.join(config_dir, "audio.json"))
    proj = read_json(os.path.join(config_dir, "projector.json"))
    lm.setdefault("num_key_value_heads", lm["num_attention_heads"])
    lm.setdefault("head_dim", lm["hidden_size"] // lm["num_attention_heads"])
    if tiny:
        widths = {lm["hidden_size"]: 64, vis["hidden_size"]: 32, aud["d_model"]: 48}
        pool = proj["image_pool"]
        if pool["type"] == "space_to_depth":
            widths[vis["hidden_size"] * pool["size"] ** 2] = 32 * pool["size"] ** 2
        lm.update(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                  num_key_value_heads=2, head_dim=16, vocab_size=512)
        if lm.get("sliding_window"):
            lm["sliding_window"] = 8
        vis.update(hidden_size=32, intermediate_size=64, num_hidden_layers=3, num_attention_heads=4)
        aud.update(d_model=48, encoder_layers=2, encoder_attention_heads=4, encoder_ffn_dim=96)
        for m in proj["modules"]:
            for key in ("in", "out", "size"):
                if key in m:
                    m[key] = widths.get(m[key], m[key])
    return {"lm": lm, "vis": vis, "aud": aud, "proj": proj}


def video_tokens(shape, seconds):
    """Frames, tokens per frame, visual and audio tokens, audio windows: Vidi's arithmetic."""
    proj, vis = shape["proj"], shape["vis"]
    if seconds <= 0:
        return {"frames": 0, "tokens_per_frame": 0, "pooled_side": 0, "visual_tokens": 0,
                "audio_tokens": 0, "audio_windows": 0}
    frames = int(math.ceil(seconds * proj.get("frames_per_second", 1.0)))
    pool = proj["image_pool"]
    if pool["type"] == "space_to_depth":
        padded, m = pool["padded_side"], pool["size"]
        side = padded
        if frames * padded * padded > pool["token_budget"] * m * m:
            ratio = math.sqrt(pool["token_budget"] * m * m / (frames * padded * padded))
            h = int(padded * ratio)
            side = max(pool["min_side"], h - h % 2)
        pooled = side // m
    else:
        side = pooled = pool["size"]
    samples = int(round(seconds * AUDIO_RATE))
    windows = int(math.ceil(samples / (AUDIO_RATE * AUDIO_WINDOW_SECONDS)))
    mel_frames = samples // AUDIO_HOP
    encoder_frames = mel_frames * shape["aud"]["max_source_positions"] // (2 * shape["aud"]["max_source_positions"])
    audio_tokens = encoder_frames // proj["audio_pool_size"]
    return {"frames": frames, "tokens_per_frame": pooled * pooled, "pooled_side": pooled, "grid_side": side,
            "visual_tokens": frames * pooled * pooled, "audio_tokens": audio_tokens, "audio_windows": windows,
            "audio_encoder_frames": encoder_frames}


def parse_sweep(text):
    points = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            ctx, sec = item.split(":")
            points.append((int(ctx), float(sec)))
        except ValueError:
            raise SystemExit("probe: --sweep wants CONTEXT:SECONDS pairs separated by commas, got '%s'" % item)
    if not points:
        raise SystemExit("probe: --sweep is empty")
    return points


def nvidia_smi_used_mib(index):
    """Memory used on the GPU as nvidia-smi reports it, or None where there is no nvidia-smi."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", str(index)],
                             capture_output=True, text=True, timeout=30).stdout.strip()
        return int(out.splitlines()[0])
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None


def nvidia_smi_process_mib(pid):
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) == 2 and parts[0] == str(pid):
            try:
                return int(parts[1])
            except ValueError:
                return None
    return None


# --------------------------------------------------------------------------------------------
# The model, in plain torch.
# --------------------------------------------------------------------------------------------

def build_modules(torch):
    nn = torch.nn
    F = torch.nn.functional

    def splitted_call(func, x, num_splits, dim):
        """Vidi's split.py: run func over num_splits chunks (repeating x when it has fewer rows) and concatenate."""
        if num_splits == 1:
            return func(x)
        original = x.shape[dim]
        if original <= num_splits:
            reps = [1] * x.ndim
            reps[dim] = math.ceil(num_splits / original)
            x = x.repeat(*reps)
        outs = [func(c) for c in torch.tensor_split(x, num_splits, dim)]
        if isinstance(outs[0], tuple):
            return [torch.narrow(torch.cat(o, dim=dim), dim, 0, original) for o in zip(*outs)]
        return torch.narrow(torch.cat(outs, dim=dim), dim, 0, original)

    class RMSNorm(nn.Module):
        """Gemma's adds one to the weight and scales in float32; Mistral's and Vidi's multiply the weight."""

        def __init__(self, size, eps, gemma):
            super().__init__()
            self.weight = nn.Parameter(torch.empty(size))
            self.eps = eps
            self.gemma = gemma

        def forward(self, x):
            if self.gemma:
                h = x.float()
                h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
                return (h * (1.0 + self.weight.float())).type_as(x)
            dtype = x.dtype
            h = x.to(torch.float32)
            h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
            return self.weight * h.to(dtype)

    def rms_norm(x, eps=1e-5):
        dtype = x.dtype
        h = x.to(torch.float32)
        h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)
        return h.to(dtype)

    class VidiRMSNorm(nn.Module):
        def __init__(self, size):
            super().__init__()
            self.weight = nn.Parameter(torch.empty(size))

        def forward(self, x):
            return self.weight * rms_norm(x)

    class MLP(nn.Module):
        """Vidi's mlpNx_gelu projector: Linear, then (GELU, Linear) repeated."""

        def __init__(self, d_in, d_out, depth):
            super().__init__()
            mods = [nn.Linear(d_in, d_out)]
            for _ in range(1, depth):
                mods += [nn.GELU(), nn.Linear(d_out, d_out)]
            self.model = nn.Sequential(*mods)

        def forward(self, x):
            return self.model(x)

    class PosEmbed(nn.Module):
        """Vidi's LearnablePosEmbd: sinusoidal positions through a float32-computing 2-layer MLP."""

        def __init__(self, d, n):
            super().__init__()
            self.d, self.n = d, n
            self.mlp = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, d))

        def forward(self, x, dim):
            length = x.shape[dim]
            with torch.no_grad():
                p = torch.arange(length, dtype=torch.float, device=x.device) / max(length - 1, 1) * (self.n - 1)
                div = torch.exp(torch.arange(0, self.d, 2, dtype=torch.float, device=x.device) * -(math.log(10000.0) / self.d))
                pe = torch.zeros(length, self.d, dtype=torch.float, device=x.device)
                pe[:, 0::2] = torch.sin(p[:, None] * div)
                pe[:, 1::2] = torch.cos(p[:, None] * div)
            lin1, lin2 = self.mlp[0], self.mlp[2]
            h = F.linear(pe, lin1.weight.float(), lin1.bias.float())
            h = F.linear(F.gelu(h), lin2.weight.float(), lin2.bias.float()).to(x.dtype)
            shape = [1 if d != dim else length for d in range(x.ndim - 1)] + [self.d]
            return h.reshape(shape)

    def sdpa(q, k, v, causal=False, mask=None, gqa=False):
        kwargs = {"enable_gqa": True} if gqa else {}
        return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=causal and mask is None, **kwargs)

    class VitLayer(nn.Module):
        def __init__(self, d, inter, heads):
            super().__init__()
            self.heads = heads
            self.layer_norm1 = nn.LayerNorm(d)
            self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(d, d) for _ in range(4))
            self.layer_norm2 = nn.LayerNorm(d)
            self.fc1 = nn.Linear(d, inter)
            self.fc2 = nn.Linear(inter, d)

        def attention(self, x):
            b, n, d = x.shape
            hd = d // self.heads
            q = self.q_proj(x).view(b, n, self.heads, hd).transpose(1, 2)
            k = self.k_proj(x).view(b, n, self.heads, hd).transpose(1, 2)
            v = self.v_proj(x).view(b, n, self.heads, hd).transpose(1, 2)
            o = sdpa(q, k, v)
            return self.out_proj(o.transpose(1, 2).reshape(b, n, d))

        def forward(self, x):
            x = x + self.attention(self.layer_norm1(x))
            return x + self.fc2(F.gelu(self.fc1(self.layer_norm2(x)), approximate="tanh"))

    class SiglipTower(nn.Module):
        """SigLIP vision model with its attention-pooling head; forward returns (pooled, hidden_states[select])."""

        def __init__(self, c, select_layer):
            super().__init__()
            d = c["hidden_size"]
            self.select_layer = select_layer
            self.patch = c["patch_size"]
            self.side = c["image_size"] // c["patch_size"]
            self.patch_embedding = nn.Conv2d(c.get("num_channels", 3), d, self.patch, self.patch)
            self.position_embedding = nn.Embedding(self.side * self.side, d)
            self.layers = nn.ModuleList(VitLayer(d, c["intermediate_size"], c["num_attention_heads"])
                                        for _ in range(c["num_hidden_layers"]))
            self.post_layernorm = nn.LayerNorm(d)
            self.probe = nn.Parameter(torch.empty(1, 1, d))
            self.attention = nn.MultiheadAttention(d, c["num_attention_heads"], batch_first=True)
            self.head_layernorm = nn.LayerNorm(d)
            self.head_fc1 = nn.Linear(d, c["intermediate_size"])
            self.head_fc2 = nn.Linear(c["intermediate_size"], d)

        def forward(self, images):
            x = self.patch_embedding(images).flatten(2).transpose(1, 2)
            x = x + self.position_embedding.weight[None]
            hidden_states = [x]  # output_hidden_states=True keeps every layer's output until return
            for layer in self.layers:
                x = layer(x)
                hidden_states.append(x)
            x = self.post_layernorm(x)
            probe = self.probe.repeat(x.shape[0], 1, 1)
            pooled = self.attention(probe, x, x, need_weights=False)[0]
            pooled = pooled + self.head_fc2(F.gelu(self.head_fc1(self.head_layernorm(pooled)), approximate="tanh"))
            return pooled[:, 0], hidden_states[self.select_layer]

    class WhisperEncoder(nn.Module):
        def __init__(self, c):
            super().__init__()
            d = c["d_model"]
            self.conv1 = nn.Conv1d(c["num_mel_bins"], d, 3, padding=1)
            self.conv2 = nn.Conv1d(d, d, 3, stride=2, padding=1)
            self.embed_positions = nn.Embedding(c["max_source_positions"], d)
            self.layers = nn.ModuleList(WhisperLayer(d, c["encoder_ffn_dim"], c["encoder_attention_heads"])
                                        for _ in range(c["encoder_layers"]))
            self.layer_norm = nn.LayerNorm(d)

        def forward(self, features):
            x = F.gelu(self.conv1(features))
            x = F.gelu(self.conv2(x)).permute(0, 2, 1)
            x = x + self.embed_positions.weight[: x.shape[1]]
            for layer in self.layers:
                x = layer(x)
            return self.layer_norm(x)

    class WhisperLayer(nn.Module):
        def __init__(self, d, ffn, heads):
            super().__init__()
            self.heads = heads
            self.k_proj = nn.Linear(d, d, bias=False)
            self.v_proj, self.q_proj, self.out_proj = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
            self.self_attn_layer_norm = nn.LayerNorm(d)
            self.fc1, self.fc2 = nn.Linear(d, ffn), nn.Linear(ffn, d)
            self.final_layer_norm = nn.LayerNorm(d)

        def forward(self, x):
            b, n, d = x.shape
            hd = d // self.heads
            h = self.self_attn_layer_norm(x)
            q = self.q_proj(h).view(b, n, self.heads, hd).transpose(1, 2)
            k = self.k_proj(h).view(b, n, self.heads, hd).transpose(1, 2)
            v = self.v_proj(h).view(b, n, self.heads, hd).transpose(1, 2)
            x = x + self.out_proj(sdpa(q, k, v).transpose(1, 2).reshape(b, n, d))
            return x + self.fc2(F.gelu(self.fc1(self.final_layer_norm(x))))

    class Attention(nn.Module):
        def __init__(self, c):
            super().__init__()
            d, self.heads, self.kv_heads, self.hd = c["hidden_size"], c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
            bias = c.get("attention_bias", False)
            self.q_proj = nn.Linear(d, self.heads * self.hd, bias=bias)
            self.k_proj = nn.Linear(d, self.kv_heads * self.hd, bias=bias)
            self.v_proj = nn.Linear(d, self.kv_heads * self.hd, bias=bias)
            self.o_proj = nn.Linear(self.heads * self.hd, d, bias=False)

        def repeat_kv(self, x):
            b, h, n, hd = x.shape
            groups = self.heads // self.kv_heads
            if groups == 1:
                return x
            return x[:, :, None, :, :].expand(b, h, groups, n, hd).reshape(b, h * groups, n, hd)

    def rotate(x, cos, sin):
        half = x.shape[-1] // 2
        rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
        return x * cos + rotated * sin

    class TextCache:
        """transformers' caches for the text tokens. 'dynamic' is 4.57's DynamicCache built from the config:
        full layers concatenate; sliding layers keep a view of the last window-1 tokens (whose storage,
        after prefill, is the whole prompt until the next step replaces it). 'hybrid' is 4.50's
        HybridCache: global layers preallocated at max_len, sliding layers at min(window, max_len)."""

        def __init__(self, kind, sliding, window, max_len, shape_kv, dtype, device):
            self.kind, self.sliding, self.window = kind, sliding, window
            self.keys, self.values = [None] * len(sliding), [None] * len(sliding)
            self.length = 0
            if kind == "hybrid":
                b, h, hd = shape_kv
                for i, s in enumerate(sliding):
                    n = min(window, max_len) if s else max_len
                    self.keys[i] = torch.zeros(b, h, n, hd, dtype=dtype, device=device)
                    self.values[i] = torch.zeros(b, h, n, hd, dtype=dtype, device=device)

        def update(self, i, k, v, start):
            if self.kind == "hybrid":
                buf_k, buf_v = self.keys[i], self.values[i]
                n, t = buf_k.shape[2], k.shape[2]
                if t >= n:
                    # a prompt longer than the window: keep its tail, attend over all of it
                    buf_k.copy_(k[:, :, -n:])
                    buf_v.copy_(v[:, :, -n:])
                    return k, v
                if start + t > n:
                    rolled_k, rolled_v = torch.roll(buf_k, -t, 2), torch.roll(buf_v, -t, 2)
                    rolled_k[:, :, -t:], rolled_v[:, :, -t:] = k, v
                    buf_k.copy_(rolled_k)
                    buf_v.copy_(rolled_v)
                    return buf_k, buf_v
                buf_k[:, :, start:start + t] = k
                buf_v[:, :, start:start + t] = v
                return buf_k[:, :, :start + t], buf_v[:, :, :start + t]
            if self.keys[i] is None:
                full_k, full_v = k, v
            else:
                full_k = torch.cat([self.keys[i], k], dim=2)
                full_v = torch.cat([self.values[i], v], dim=2)
            if self.sliding[i]:
                self.keys[i] = full_k[:, :, -self.window + 1:]
                self.values[i] = full_v[:, :, -self.window + 1:]
            else:
                self.keys[i], self.values[i] = full_k, full_v
            return full_k, full_v

    class DecoderLayer(nn.Module):
        def __init__(self, c, idx, gemma, splits):
            super().__init__()
            d = c["hidden_size"]
            eps = c.get("rms_norm_eps", 1e-6)
            self.gemma, self.splits, self.idx = gemma, splits, idx
            window = c.get("sliding_window")
            self.sliding = bool(window) and (idx % 2 == 0 if gemma else True)
            self.window = window
            self.self_attn = Attention(c)
            self.gate_proj = nn.Linear(d, c["intermediate_size"], bias=False)
            self.up_proj = nn.Linear(d, c["intermediate_size"], bias=False)
            self.down_proj = nn.Linear(c["intermediate_size"], d, bias=False)
            self.input_layernorm = RMSNorm(d, eps, gemma)
            self.post_attention_layernorm = RMSNorm(d, eps, gemma)
            if gemma:
                self.pre_feedforward_layernorm = RMSNorm(d, eps, gemma)
                self.post_feedforward_layernorm = RMSNorm(d, eps, gemma)

        def mlp(self, x):
            if self.gemma:
                return self.down_proj(F.gelu(self.gate_proj(x), approximate="tanh") * self.up_proj(x))
            return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))

        def feed_forward(self, x):
            if self.gemma:
                return x + self.post_feedforward_layernorm(self.mlp(self.pre_feedforward_layernorm(x)))
            return x + self.mlp(self.post_attention_layernorm(x))

        def text_attention(self, h, cos, sin, cache, start):
            a = self.self_attn
            b, t, _ = h.shape
            q = a.q_proj(h).view(b, t, a.heads, a.hd).transpose(1, 2)
            k = a.k_proj(h).view(b, t, a.kv_heads, a.hd).transpose(1, 2)
            v = a.v_proj(h).view(b, t, a.kv_heads, a.hd).transpose(1, 2)
            q, k = rotate(q, cos, sin), rotate(k, cos, sin)
            k, v = cache.update(self.idx, k, v, start)
            mask = None
            if self.sliding and k.shape[2] > self.window and t > 1:
                # flash-attn slides natively; SDPA needs the band as a mask
                qi = torch.arange(start, start + t, device=h.device)[:, None]
                ki = torch.arange(k.shape[2], device=h.device)[None, :]
                mask = (ki <= qi) & (ki > qi - self.window)
            o = sdpa(q, k, v, causal=t > 1, mask=mask, gqa=a.heads != a.kv_heads)
            return a.o_proj(o.transpose(1, 2).reshape(b, t, -1))

        def cross_attention(self, h, kv_in, cache):
            """Vidi's forward_xattn: keys and values of every visual (or audio) token, cached per layer."""
            a = self.self_attn
            q = a.q_proj(h)
            if len(cache) <= self.idx:
                if self.gemma:
                    k = splitted_call(a.k_proj, kv_in, self.splits, 1)
                    v = splitted_call(a.v_proj, kv_in, self.splits, 1)
                else:
                    k, v = a.k_proj(kv_in), a.v_proj(kv_in)
                cache.append((k, v))
            else:
                k, v = cache[self.idx]
            b, t, _ = q.shape
            n = k.shape[1]
            q = q.view(b, t, a.heads, a.hd).transpose(1, 2)
            k = a.repeat_kv(k.view(b, n, a.kv_heads, a.hd).transpose(1, 2))
            v = a.repeat_kv(v.view(b, n, a.kv_heads, a.hd).transpose(1, 2))
            o = sdpa(q, k, v)
            o = a.o_proj(o.transpose(1, 2).reshape(b, t, -1))
            return o, v.transpose(1, 2)

        def forward(self, hidden, cos, sin, cache, start, image_embeds, image_cache, audio_embeds, audio_cache):
            residual = hidden
            h = self.input_layernorm(hidden)
            text = self.text_attention(h, cos, sin, cache, start)
            extra = []
            held = []  # Vidi keeps _image_embeds and image_value_states alive until the layer returns
            for embeds, xcache, slot in ((image_embeds, image_cache, 0), (audio_embeds, audio_cache, 1)):
                if embeds is None:
                    continue
                use_cache = len(xcache) > self.idx
                normed = embeds if use_cache else splitted_call(self.input_layernorm, embeds, self.splits, 1)
                out, value_states = self.cross_attention(h, normed, xcache)
                extra.append(out)
                if not use_cache:
                    value_states = value_states.flatten(2, 3)
                    value_states = self.self_attn.o_proj(value_states)
                    if self.gemma:
                        value_states = splitted_call(self.post_attention_layernorm, value_states, self.splits, 1)
                    embeds = embeds + value_states
                    embeds = splitted_call(self.feed_forward, embeds, self.splits, 1)
                if slot == 0:
                    image_embeds = embeds
                else:
                    audio_embeds = embeds
                held.append((normed, value_states))
                del normed, value_states, embeds
            total = text
            for e in extra:
                total = total + e
            if self.gemma:
                hidden = residual + self.post_attention_layernorm(total)
            else:
                hidden = residual + total
            return self.feed_forward(hidden), image_embeds, audio_embeds

    class VidiShape(nn.Module):
        def __init__(self, shape):
            super().__init__()
            lm, vis, aud, proj = shape["lm"], shape["vis"], shape["aud"], shape["proj"]
            self.lm_config, self.proj_config = lm, proj
            self.gemma = lm["model_type"] == "gemma2"
            self.splits = proj["mm_splits"]
            d = lm["hidden_size"]
            self.embed_tokens = nn.Embedding(lm["vocab_size"], d)
            self.layers = nn.ModuleList(DecoderLayer(lm, i, self.gemma, self.splits) for i in range(lm["num_hidden_layers"]))
            self.norm = RMSNorm(d, lm.get("rms_norm_eps", 1e-6), self.gemma)
            tied = lm.get("tie_word_embeddings", self.gemma)
            self.lm_head = None if tied else nn.Linear(d, lm["vocab_size"], bias=False)
            self.mm_vis = SiglipTower(vis, proj.get("mm_vision_select_layer", -2))
            self.mm_aud = WhisperEncoder(aud)
            mods = {m["name"]: m for m in proj["modules"]}
            self.mm_rand_llm_norm = VidiRMSNorm(d)
            img = mods["mm_rand_img_projector"]
            self.mm_rand_img_projector = MLP(img["in"], img["out"], img.get("depth", 2))
            self.mm_rand_img_norm = VidiRMSNorm(d)
            self.pool = proj["image_pool"]
            self.mm_rand_img_pool = None
            if "mm_rand_img_pool.conv" in mods:
                conv = mods["mm_rand_img_pool.conv"]
                self.mm_rand_img_pool = nn.Conv2d(conv["in"], conv["out"], conv["kernel"], bias=conv.get("bias", True))
            n = self.pool["size"]
            self.mm_rand_pos_w = PosEmbed(d, n)
            self.mm_rand_pos_h = PosEmbed(d, n)
            self.mm_rand_pos_t = PosEmbed(d, 10000)
            apool = mods["mm_rand_aud_pool"]
            self.mm_rand_aud_pool = nn.Conv1d(apool["in"], apool["out"], apool["kernel"], stride=apool["kernel"], bias=False)
            aproj = mods["mm_rand_aud_projector"]
            self.mm_rand_aud_projector = MLP(aproj["in"], aproj["out"], aproj.get("depth", 2))
            self.mm_rand_aud_norm = VidiRMSNorm(d)
            self.vis_side = vis["image_size"] // vis["patch_size"]
            self.max_source_positions = aud["max_source_positions"]
            self.audio_pool_size = proj["audio_pool_size"]

        def logits(self, hidden):
            w = self.embed_tokens.weight if self.lm_head is None else self.lm_head.weight
            return F.linear(hidden, w)

        def encode_images(self, images, tokens):
            """Vidi's encode_video_images (1.5 9B: space-to-depth pool; 7B: convolution then resize)."""
            _, feats = splitted_call(self.mm_vis, images, self.splits, 0)
            f = feats.reshape(len(feats), self.vis_side, self.vis_side, -1).permute(0, 3, 1, 2)
            del feats
            if self.pool["type"] == "space_to_depth":
                side, m = tokens["grid_side"], self.pool["size"]

                def pool(x):
                    x = F.pad(x, (0, 1, 0, 1))
                    if side != x.shape[-1]:
                        x = F.interpolate(x, size=(side, side), mode="bilinear", align_corners=False)
                    b, c, hh, ww = x.shape
                    x = x.reshape(b, c, hh // m, m, ww // m, m).permute(0, 1, 3, 5, 2, 4)
                    return x.reshape(b, c * m * m, hh // m, ww // m)
            else:
                size = self.pool["size"]

                def pool(x):
                    return F.interpolate(self.mm_rand_img_pool(x), size=size, mode="bilinear", align_corners=True)
            f = splitted_call(pool, f, self.splits, 0)
            f = f.permute(0, 2, 3, 1)
            f = self.mm_rand_img_projector(f)
            f = self.mm_rand_img_norm(f)
            f = f + rms_norm(self.mm_rand_pos_h(f, 1))
            f = f + rms_norm(self.mm_rand_pos_w(f, 2))
            f = f + rms_norm(self.mm_rand_pos_t(f, 0))
            f = torch.nn.utils.rnn.pad_sequence([f.flatten(0, 2)], batch_first=True)
            mask = torch.sum(torch.abs(f), dim=-1) != 0
            f = self.mm_rand_llm_norm(f)
            return f * mask.unsqueeze(-1), mask

        def encode_audio(self, features, encoder_frames):
            """Vidi's encode_video_audios: Whisper windows, trimmed, pooled by a strided convolution."""
            a = splitted_call(self.mm_aud, features, self.splits, 0)
            a = a.flatten(0, 1)[:encoder_frames][None]
            a = a.permute(0, 2, 1)
            a = self.mm_rand_aud_pool(a) if self.gemma else splitted_call(self.mm_rand_aud_pool, a, self.splits, 0)
            a = a.permute(0, 2, 1)[0, : encoder_frames // self.audio_pool_size]
            a = self.mm_rand_aud_projector(a)
            a = self.mm_rand_aud_norm(a)
            a = a + rms_norm(self.mm_rand_pos_t(a, 0))
            a = torch.nn.utils.rnn.pad_sequence([a], batch_first=True)
            mask = torch.sum(torch.abs(a), dim=-1) != 0
            a = self.mm_rand_llm_norm(a)
            return a * mask.unsqueeze(-1), mask

        def forward_lm(self, embeds, start, cache, image_embeds, image_cache, audio_embeds, audio_cache, all_logits):
            c = self.lm_config
            t = embeds.shape[1]
            pos = torch.arange(start, start + t, device=embeds.device, dtype=torch.float32)
            inv = 1.0 / (c.get("rope_theta", 10000.0) ** (torch.arange(0, c["head_dim"], 2, device=embeds.device,
                                                                          dtype=torch.float32) / c["head_dim"]))
            freqs = torch.outer(pos, inv)
            emb = torch.cat((freqs, freqs), dim=-1)
            cos, sin = emb.cos().to(embeds.dtype), emb.sin().to(embeds.dtype)
            hidden = embeds
            if self.gemma:
                normalizer = torch.tensor(c["hidden_size"] ** 0.5, dtype=embeds.dtype)
                hidden = hidden * normalizer
                if image_embeds is not None:
                    image_embeds = image_embeds * normalizer
                if audio_embeds is not None:
                    audio_embeds = audio_embeds * normalizer
            for layer in self.layers:
                hidden, image_embeds, audio_embeds = layer(hidden, cos, sin, cache, start, image_embeds, image_cache,
                                                           audio_embeds, audio_cache)
            hidden = self.norm(hidden)
            if all_logits:
                return self.logits(hidden).float()[:, -1]
            return self.logits(hidden[:, -1:]).float()[:, -1]

    return VidiShape, TextCache


# --------------------------------------------------------------------------------------------
# Running it.
# --------------------------------------------------------------------------------------------

def dtype_of(torch, name):
    return {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[name]


def init_on_device(torch, model, device, dtype):
    """Allocates every parameter on the device and fills it there: no CPU copy of the weights."""
    model.to_empty(device=device)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.ndim == 1 and ("norm" in name or name.endswith("weight")):
                p.fill_(0.0 if "norm" in name and getattr(model, "gemma", False) else 1.0)
            elif p.ndim == 1:
                p.zero_()
            else:
                p.normal_(0.0, 0.02)
    return model


def quantize(torch, model, mode, dtype, skip):
    """Replaces nn.Linear modules by bitsandbytes' (LLM.int8 or nf4 with double quantization), as transformers does."""
    import bitsandbytes as bnb  # noqa: raises ImportError where it is missing
    nn = torch.nn
    replaced = 0
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            full = (name + "." if name else "") + child_name
            if not isinstance(child, nn.Linear) or any(k + "." in full + "." or k == full for k in skip):
                continue
            w = child.weight.data.to(torch.float16)
            if mode == "int8":
                q = bnb.nn.Linear8bitLt(child.in_features, child.out_features, bias=child.bias is not None,
                                        has_fp16_weights=False, threshold=6.0, device="meta")
                q.weight = bnb.nn.Int8Params(w, requires_grad=False, has_fp16_weights=False).to(w.device)
            else:
                q = bnb.nn.Linear4bit(child.in_features, child.out_features, bias=child.bias is not None,
                                      compute_dtype=torch.float16, compress_statistics=True, quant_type="nf4", device="meta")
                q.weight = bnb.nn.Params4bit(w, requires_grad=False, compress_statistics=True, quant_type="nf4").to(w.device)
            if child.bias is not None:
                q.bias = nn.Parameter(child.bias.data.to(torch.float16), requires_grad=False)
            setattr(module, child_name, q)
            del w, child
            replaced += 1
    return replaced


class Meter:
    """Peak allocated and reserved memory per phase, from the CUDA caching allocator's own counters."""

    def __init__(self, torch, device):
        self.torch, self.cuda = torch, device.type == "cuda"
        self.phases = {}

    def phase(self, name):
        meter = self

        class Phase:
            def __enter__(self):
                if meter.cuda:
                    meter.torch.cuda.synchronize()
                    meter.torch.cuda.reset_peak_memory_stats()
                self.start = time.perf_counter()
                return self

            def __exit__(self, *exc):
                if meter.cuda:
                    meter.torch.cuda.synchronize()
                    c = meter.torch.cuda
                    meter.phases[name] = {"peak_allocated": c.max_memory_allocated(), "peak_reserved": c.max_memory_reserved(),
                                          "end_allocated": c.memory_allocated(), "end_reserved": c.memory_reserved(),
                                          "seconds": time.perf_counter() - self.start}
                else:
                    meter.phases[name] = {"seconds": time.perf_counter() - self.start}
                return False
        return Phase()


def run_point(torch, model, text_cache_class, shape, args, context, seconds, device, dtype):
    tokens = video_tokens(shape, seconds)
    meter = Meter(torch, device)
    vis, aud = shape["vis"], shape["aud"]
    result = {"context": context, "video_seconds": seconds, **tokens, "decode_steps": args.decode_steps}
    lm = shape["lm"]
    all_logits = args.logits == "all"
    try:
        with torch.inference_mode():
            start_time = time.perf_counter()
            with meter.phase("inputs"):
                # Vidi's inference puts the whole video and its mel windows on the GPU up front.
                images = torch.randn(tokens["frames"], vis.get("num_channels", 3), vis["image_size"], vis["image_size"],
                                     device=device, dtype=dtype) if tokens["frames"] else None
                audio = torch.randn(tokens["audio_windows"], aud["num_mel_bins"], 2 * aud["max_source_positions"],
                                    device=device, dtype=dtype) if tokens["audio_windows"] else None
                ids = torch.randint(0, lm["vocab_size"], (1, context), device=device)
            with meter.phase("vision"):
                image_embeds = model.encode_images(images, tokens)[0] if images is not None else None
            with meter.phase("audio"):
                audio_embeds = model.encode_audio(audio, tokens["audio_encoder_frames"])[0] if audio is not None else None
            cache = make_cache(text_cache_class, model, args, context, device, dtype)
            image_cache, audio_cache = [], []
            with meter.phase("prefill"):
                embeds = model.embed_tokens(ids)
                logits = model.forward_lm(embeds, 0, cache, image_embeds, image_cache, audio_embeds, audio_cache, all_logits)
                token = logits.argmax(-1, keepdim=True)
                del embeds, logits
            if device.type == "cuda":
                torch.cuda.synchronize()
            prefill_seconds = time.perf_counter() - start_time
            with meter.phase("decode"):
                t0 = time.perf_counter()
                for step in range(args.decode_steps):
                    embeds = model.embed_tokens(token)
                    logits = model.forward_lm(embeds, context + step, cache, image_embeds, image_cache, audio_embeds,
                                              audio_cache, all_logits)
                    token = logits.argmax(-1, keepdim=True)
                    del embeds, logits
                if device.type == "cuda":
                    torch.cuda.synchronize()
                decode_seconds = time.perf_counter() - t0
        result.update(status="ok", prefill_seconds=prefill_seconds,
                      decode_tokens_per_second=(args.decode_steps / decode_seconds) if args.decode_steps and decode_seconds > 0 else None)
    except torch.cuda.OutOfMemoryError as e:
        result.update(status="oom", error=str(e).splitlines()[0])
    finally:
        result["phases"] = meter.phases
        if meter.cuda and meter.phases:
            result["peak_allocated"] = max(p["peak_allocated"] for p in meter.phases.values())
            result["peak_reserved"] = max(p["peak_reserved"] for p in meter.phases.values())
    return result


def make_cache(text_cache_class, model, args, context, device, dtype):
    lm = model.lm_config
    sliding = [layer.sliding for layer in model.layers]
    return text_cache_class(args.text_cache, sliding, lm.get("sliding_window") or 0, context + args.decode_steps,
                            (1, lm["num_key_value_heads"], lm["head_dim"]), dtype, device)


def main(argv=None):
    ap = argparse.ArgumentParser(description="fitcheck memory probe for Vidi-shaped models")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="vidi-9b")
    ap.add_argument("--config-dir", help="directory with language.json, vision.json, audio.json, projector.json")
    ap.add_argument("--dtype", choices=["bf16", "fp16", "fp32"], default="bf16")
    ap.add_argument("--context", type=int, default=64, help="text tokens in the prompt")
    ap.add_argument("--video-seconds", type=float, default=60.0)
    ap.add_argument("--decode-steps", type=int, default=32)
    ap.add_argument("--sweep", help="CONTEXT:SECONDS pairs, comma-separated; one process, memory released between points")
    ap.add_argument("--quant", choices=["none", "int8", "nf4"], default="none")
    ap.add_argument("--text-cache", choices=["dynamic", "hybrid"], default="dynamic",
                    help="dynamic: transformers 4.57's DynamicCache; hybrid: 4.50's preallocated HybridCache")
    ap.add_argument("--logits", choices=["last", "all"],
                    help="last: generate's logits_to_keep=1 (transformers >= 4.45, Vidi 1.5 9B); all: every position in fp32 (Vidi 7B on 4.44)")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--tiny", action="store_true", help="same structure, small widths: a smoke test on CPU")
    ap.add_argument("--alloc-conf", help="PYTORCH_CUDA_ALLOC_CONF for this run (e.g. expandable_segments:True); "
                                         "default: the environment's")
    ap.add_argument("--expandable-segments", action="store_true",
                    help="shorthand for --alloc-conf expandable_segments:True")
    ap.add_argument("--out", help="write the JSON here as well as to stdout")
    args = ap.parse_args(argv)
    if args.expandable_segments:
        if args.alloc_conf and "expandable_segments" in args.alloc_conf:
            raise SystemExit("probe: give expandable segments once, either --expandable-segments or --alloc-conf")
        args.alloc_conf = ",".join(x for x in (args.alloc_conf, "expandable_segments:True") if x)
    # The caching allocator reads its configuration once, when torch first touches CUDA: it must be
    # in the environment before torch is imported.
    if args.alloc_conf is not None:
        os.environ["PYTORCH_CUDA_ALLOC_CONF"] = args.alloc_conf
    alloc_conf = os.environ.get("PYTORCH_CUDA_ALLOC_CONF", "")
    if args.logits is None:
        args.logits = "last" if args.shape == "vidi-9b" else "all"

    config_dir = args.config_dir or find_config_dir(args.shape)
    shape = load_shape(config_dir, args.tiny)
    points = parse_sweep(args.sweep) if args.sweep else [(args.context, args.video_seconds)]
    report = {"probe": PROBE_VERSION, "shape": args.shape, "config_dir": os.path.relpath(config_dir),
              "dtype": args.dtype, "quant": args.quant, "text_cache": args.text_cache, "logits": args.logits,
              "tiny": args.tiny, "python": platform.python_version(), "allocator_conf": alloc_conf, "runs": []}
    try:
        import torch
    except ImportError:
        report["status"] = "torch not importable"
        return emit(report, args.out, 3)
    report["torch"] = torch.__version__
    try:
        import transformers
        report["transformers"] = transformers.__version__
    except ImportError:
        report["transformers"] = None
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        report["status"] = "no CUDA device visible to torch"
        return emit(report, args.out, 3)
    if args.quant != "none":
        try:
            import bitsandbytes  # noqa: F401
        except ImportError:
            report["status"] = "bitsandbytes not importable"
            return emit(report, args.out, 0)

    dtype = dtype_of(torch, args.dtype)
    if device.type == "cuda":
        index = device.index if device.index is not None else 0
        before_mib = nvidia_smi_used_mib(index)
        torch.cuda.init()
        torch.zeros(1, device=device)
        free, total = torch.cuda.mem_get_info(device)
        props = torch.cuda.get_device_properties(device)
        report["gpu"] = {"name": props.name, "total_bytes": total, "cuda": torch.version.cuda,
                         "capability": "%d.%d" % (props.major, props.minor)}
        # The context is what the driver holds for this process beyond the allocator's reservation.
        used_after = total - free
        report["cuda_context_bytes"] = (used_after - before_mib * 1024 * 1024 - torch.cuda.memory_reserved(device)
                                        if before_mib is not None else None)
        report["used_before_bytes"] = before_mib * 1024 * 1024 if before_mib is not None else None
    else:
        report["gpu"] = None

    VidiShape, TextCache = build_modules(torch)
    t0 = time.perf_counter()
    # Built on the meta device in the target dtype, then allocated once on the device: no float32
    # detour, so the allocator's counters after the weights hold the weights alone.
    torch.set_default_dtype(dtype)
    try:
        with torch.device("meta"):
            model = VidiShape(shape)
    finally:
        torch.set_default_dtype(torch.float32)
    model = init_on_device(torch, model, device, dtype).eval()
    report["parameters"] = {
        "language": sum(p.numel() for n, p in model.named_parameters() if not n.startswith(("mm_vis.", "mm_aud.", "mm_rand_"))),
        "vision": sum(p.numel() for p in model.mm_vis.parameters()),
        "audio": sum(p.numel() for p in model.mm_aud.parameters()),
        "projector": sum(p.numel() for n, p in model.named_parameters() if n.startswith("mm_rand_")),
    }
    if args.quant != "none":
        report["quantized_linears"] = quantize(torch, model, args.quant, dtype, ["lm_head", "mm_vis.attention", "mm_vis.head"])
    if device.type == "cuda":
        torch.cuda.synchronize()
        report["weights_allocated"] = torch.cuda.memory_allocated(device)
        report["weights_reserved"] = torch.cuda.memory_reserved(device)
    report["build_seconds"] = time.perf_counter() - t0

    for context, seconds in points:
        result = run_point(torch, model, TextCache, shape, args, context, seconds, device, dtype)
        gc.collect()
        if device.type == "cuda":
            result["process_used_bytes"] = (lambda m: m * 1024 * 1024 if m is not None else None)(nvidia_smi_process_mib(os.getpid()))
            result["reserved_at_end"] = torch.cuda.memory_reserved(device)
            torch.cuda.empty_cache()
        report["runs"].append(result)
        print("probe: context %d, %.0f s of video: %s" % (context, seconds, result["status"]), file=sys.stderr)
    report["status"] = "ok"
    return emit(report, args.out, 0)


def emit(report, out, code):
    text = json.dumps(report, indent=2, sort_keys=True)
    if out:
        tmp = out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        os.replace(tmp, out)
    print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
