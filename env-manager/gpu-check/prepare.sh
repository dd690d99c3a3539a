#!/usr/bin/env bash
# Prepares the GPU check on this machine (which has the network): the fitcheck jar, a small Java
# runtime (the GPU machine has none), a wheelhouse for its Python 3.12 and the workspace, in
# <checkout>/.fitcheck/gpu-check (ignored by git). Then, with the device tool, from the checkout:
#   run(command="bash .fitcheck/gpu-check/run.sh > $OUT/run.log 2>&1; tail -c 11000 $OUT/run.log",
#       carry=[".fitcheck/gpu-check"])
# The device tool sends the session's checkout: run this script in that checkout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/.fitcheck/gpu-check"
rm -rf "$out" && mkdir -p "$out"
"$root/fitcheck" --version >/dev/null
cp "$root/cli/target/fitcheck.jar" "$out/"
# jdeps names more (maven resolver, jmh); these are what the env and test commands load.
jlink --add-modules java.base,java.xml,java.logging,java.sql,jdk.unsupported,java.management,java.naming \
  --strip-debug --no-header-files --no-man-pages --output "$out/jre"
tar -C "$out" -cJf "$out/jre.tar.xz" jre && rm -rf "$out/jre"
cp -r "$here/workspace" "$out/ws"
python3 -m pip download -q --only-binary=:all: --python-version 3.12 --implementation cp --abi cp312 --abi abi3 \
  --abi none --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
  --platform any -d "$out/ws/wheels" -r "$here/workspace/forward/requirements.txt"
# numpy is inherited from the base there; leaving its wheel out keeps the carry under 64 MiB.
rm -f "$out"/ws/wheels/numpy-*.whl
cp "$here/run.sh" "$out/run.sh"
du -sh "$out"
