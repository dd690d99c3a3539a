#!/usr/bin/env bash
# The memory probe sweeps of issue 6, run on the lent GPU machine in one call (device time is scarce).
# Usage there: bash bench/gpu/probe-sweep.sh "$OUT"
set -u
out=${1:?output directory}
P=env-manager/src/main/python/fitcheck_helpers/probe.py
{
  echo "# machine"; date -u; uname -a; nvidia-smi; echo
  echo "# software"; python3 --version; command -v java && java -version 2>&1; command -v uv && uv --version
  python3 -c 'import torch, sys; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
  python3 -m pip list 2>/dev/null | grep -i -E "^(transformers|tokenizers|huggingface|safetensors|accelerate|numpy|bitsandbytes|regex|pyyaml|requests|tqdm|filelock|packaging) "
} > "$out/machine.txt" 2>&1
nvidia-smi --query-gpu=index,name,memory.total,memory.used,memory.free --format=csv > "$out/nvidia-smi.csv"
run() { local name=$1; shift; echo "## $name" >> "$out/probe-log.txt"; /usr/bin/time -v python3 "$P" "$@" --out "$out/$name.json" >> "$out/probe-log.txt" 2>&1; echo "exit $?" >> "$out/probe-log.txt"; }
run probe-vidi-9b-bf16 --shape vidi-9b --dtype bf16 --decode-steps 32 --sweep 64:0,64:60,64:300,64:600,64:1800,64:3600,4096:60,8192:300
run probe-vidi-9b-bf16-hybrid --shape vidi-9b --dtype bf16 --text-cache hybrid --sweep 8192:60
run probe-vidi-7b-bf16 --shape vidi-7b --dtype bf16 --decode-steps 32 --sweep 64:0,64:60,64:600,64:1800,64:3600
run probe-vidi-9b-fp16 --shape vidi-9b --dtype fp16 --sweep 64:60,64:300
run probe-vidi-9b-nf4 --shape vidi-9b --quant nf4 --sweep 64:60
tail -c 4000 "$out/probe-log.txt"
