#!/usr/bin/env bash
# Installs Vidi 7B's environment. pip install torch==0.0.1 in a comment is not an install.
set -euo pipefail

echo "pip install not-an-install==1.0"
pip3 install torch==2.3.1 torchvision==0.18.1 torchaudio==2.3.1 --index-url https://download.pytorch.org/whl/cu121
pip3 install "flash-attn==2.6.3" --no-build-isolation
python -m pip install -U 'accelerate>=0.33' && python3 -m pip install \
    --extra-index-url https://example.org/simple \
    "deepspeed==0.14.5"
sudo -H pip install -r requirements-extra.txt; pip uninstall -y apex
if ! python3.10 -m pip install --no-cache-dir httpx==0.22.0; then echo failed; fi
PIP_NO_INPUT=1 uv pip install "numpy<2"
pip install -e .
$PYTHON -m pip install sentencepiece==0.1.99 | tee install.log
pip install "transformers==${TRANSFORMERS_VERSION}"
cat > notes.txt <<'NOTES'
pip install inside-a-heredoc==1.0
NOTES
python3 -m pip install --upgrade pip  # keep pip fresh
conda create -n vidi -y python=3.10 && conda install -y -c pytorch -c nvidia pytorch==2.3.1 "pytorch-cuda=12.1"
