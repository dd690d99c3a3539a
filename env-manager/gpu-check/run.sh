#!/usr/bin/env bash
# Runs on the GPU machine, from the checkout's root (see prepare.sh).
G=.fitcheck/gpu-check
tar -C /tmp -xJf $G/jre.tar.xz
F="/tmp/jre/bin/java -jar $G/fitcheck.jar"
W="-w $G/ws"
set -x
uv --version; nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv,noheader
time $F env create --all $W
time $F env create --all $W
$F env list $W
$F env run forward $W -- python -c "import transformers, torch, numpy, sys; print(transformers.__version__, torch.__version__, numpy.__version__, torch.cuda.is_available(), sys.prefix)"
$F env verify --all $W
time $F test --all --gpu $W --junit $OUT/junit.xml; echo "test exit $?"
for m in forward vidi-9b vidi-9b-probe; do r=$(ls -d $G/ws/.fitcheck/runs/$m/*/ | tail -1); cp $r/result.json $OUT/$m-result.json; cp $r/stdout.log $OUT/$m-stdout.log 2>/dev/null; done
