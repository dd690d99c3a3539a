#!/usr/bin/env bash
# GPU run 2 of issue 6: the caching allocator's default segments against expandable segments, in one
# device call (device time is scarce: about 3 minutes on an H200, measured from run 1's phase times).
# The bf16 9B points where run 1 saw the most fragmentation (300 s, 600 s, 1800 s, 3600 s, 8192
# text tokens with 300 s) with and without PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True, and
# the 7B shape (whose 32-fold repeat of the audio features fragments most) both ways.
# Decode steps are 8 (run 1 had 32): the decode phase reuses prefill's blocks and set no peak in run 1.
# Usage there: bash bench/gpu/probe-sweep-2.sh "$OUT"
# Then here:   ./fitcheck memory-compare reports/gpu/raw-2026-11-26-h200/probe-vidi-*.json RUN2/probe-*.json -o reports/gpu
set -u
out=${1:?output directory}
P=env-manager/src/main/python/fitcheck_helpers/probe.py
{
  echo "# machine"; date -u; uname -a; nvidia-smi; echo
  echo "# software"; python3 --version
  python3 -c 'import torch, sys; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
} > "$out/machine.txt" 2>&1
nvidia-smi --query-gpu=index,name,memory.total,memory.used,memory.free --format=csv > "$out/nvidia-smi.csv"
unset PYTORCH_CUDA_ALLOC_CONF
run() { local name=$1; shift; echo "## $name" >> "$out/probe-log.txt"; /usr/bin/time -v python3 "$P" "$@" --out "$out/$name.json" >> "$out/probe-log.txt" 2>&1; echo "exit $?" >> "$out/probe-log.txt"; }
NINE=64:300,64:600,64:1800,64:3600,8192:300
run probe-vidi-9b-bf16-default --shape vidi-9b --dtype bf16 --decode-steps 8 --sweep $NINE
run probe-vidi-9b-bf16-expandable --shape vidi-9b --dtype bf16 --decode-steps 8 --expandable-segments --sweep $NINE
run probe-vidi-7b-bf16-default --shape vidi-7b --dtype bf16 --decode-steps 8 --sweep 64:60,64:600,64:1800,64:3600
run probe-vidi-7b-bf16-expandable --shape vidi-7b --dtype bf16 --decode-steps 8 --expandable-segments --sweep 64:600,64:3600
grep -E "^(## |exit |probe: |\s+Elapsed)" "$out/probe-log.txt"
