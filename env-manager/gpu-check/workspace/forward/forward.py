"""One real forward and a few decode steps of a small Gemma 2 on the GPU, with the environment's transformers."""
import json
import time


def main():
    import torch
    import transformers
    from transformers import Gemma2Config, Gemma2ForCausalLM

    cfg = Gemma2Config(vocab_size=32000, hidden_size=1024, intermediate_size=4096, num_hidden_layers=8,
                       num_attention_heads=8, num_key_value_heads=4, head_dim=128)
    torch.manual_seed(0)
    model = Gemma2ForCausalLM(cfg).to("cuda", torch.bfloat16).eval()
    ids = torch.randint(0, cfg.vocab_size, (1, 512), device="cuda")
    torch.cuda.synchronize()
    t = time.perf_counter()
    with torch.no_grad():
        out = model.generate(ids, max_new_tokens=16, do_sample=False)
    torch.cuda.synchronize()
    print(json.dumps({"transformers": transformers.__version__, "torch": torch.__version__,
                      "gpu": torch.cuda.get_device_name(0), "new_tokens": int(out.shape[1] - ids.shape[1]),
                      "seconds": round(time.perf_counter() - t, 3),
                      "max_allocated_mib": torch.cuda.max_memory_allocated() // 2**20}))


if __name__ == "__main__":
    main()
