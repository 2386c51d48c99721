#!/usr/bin/env bash
# One prepared run for an accelerator machine, under 10 minutes (BUDGET seconds, default 540):
#   benchmarks/device.sh          # on the accelerator
#   benchmarks/device.sh --dry    # the same script on CPU with tiny sizes (checks that it runs)
# 1. the lite training step in bf16 + remat at the largest batch that fits: time, FLOP/s, share of the chip's peak
# 2. exact kNN on the device against a float64 NumPy brute force (neighbours that differ) and the matmul floor
# 3. lite embedding px/s and share of the matmul rate
# 4. the quality benchmark's --scale run, if benchmarks/quality.py exists and time is left (not with --dry)
# Each part gets the time left less what the parts after it are kept (KNN_S, EMBED_S seconds; defaults 100 and 170),
# so a slow part is cut and the next one still runs. A python without jax stops the run at once (exit 2); a part
# that fails does not stop the others, and the run then exits 1 naming it.
# Knobs (environment): BUDGET; STEP_BATCH=4 skips the step's memory estimate, a compile as long as the step's own
# (H200, session 30: 197 s, then about 6 lite examples fit: batch 4); KNN_ARGS (e.g. "--queries 1000000 --train
# 200000": the default is 262,144 x 50,000), EMBED_ARGS (e.g. "--size 256"); GPU_AUTOTUNE=0 adds
# --xla_gpu_autotune_level=0 to XLA_FLAGS (cuBLAS' own choice instead of timing each kernel: shorter compiles).
# Measured on an H200 (session 30, jax 0.11.2; benchmarks/NOTES.md #device): lite step batch 4 2.48 s, 35% of the
# bf16 matmul rate measured in the process; its compiles took 197-209 s each, and knn (1M x 200k) and lite embed
# did not finish in the time left (cut at 80, 140 and 170 s), hence the reserves and the smaller default knn.
set -u
cd "$(dirname "$0")/.."
PY=${PY:-python3}
[ -x .venv/bin/python ] && PY=.venv/bin/python
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
if ! err=$("$PY" -c 'import jax' 2>&1); then
  echo "device.sh: $PY cannot import jax ($(echo "$err" | tail -1)): every part needs it." >&2
  echo "device.sh: run 'make install' first (it makes .venv, which this script prefers), or set PY to a python" \
       "with alphaearth_nb's dependencies and the accelerator's jax (e.g. pip install -e . 'jax[cuda12]')." >&2
  exit 2
fi
DRY=""
[ "${1:-}" = "--dry" ] && DRY="--dry"
BUDGET=${BUDGET:-540}
START=$(date +%s)
FAILED=() CUT=()
KNN_S=${KNN_S:-100} EMBED_S=${EMBED_S:-170}
if [ -n "${GPU_AUTOTUNE:-}" ]; then export XLA_FLAGS="${XLA_FLAGS:-} --xla_gpu_autotune_level=$GPU_AUTOTUNE"; fi
left() { echo $((BUDGET - ($(date +%s) - START))); }
run() {  # run "$@" with the time left less KEEP seconds kept for later parts (at least MIN seconds must remain)
  local t; t=$(( $(left) - ${KEEP:-0} ))
  if [ "$t" -lt "${MIN:-30}" ]; then echo "-- skipped, ${t}s left: $*"; return 0; fi
  timeout "$t" "$@"; local rc=$?
  if [ $rc -eq 124 ]; then echo "-- exit 124 (out of time): $*"; CUT+=("$*")
  elif [ $rc -ne 0 ]; then echo "-- exit $rc (failed): $*"; FAILED+=("$*"); fi
  return 0
}
echo "device.sh ${DRY:-(accelerator)} $(date -u +%FT%TZ), budget ${BUDGET}s, load $(cut -d' ' -f1-3 /proc/loadavg)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
KEEP=$((KNN_S + EMBED_S)) run "$PY" benchmarks/device.py step $DRY ${STEP_BATCH:+--batch $STEP_BATCH}
KEEP=$EMBED_S run "$PY" benchmarks/device.py knn $DRY ${KNN_ARGS:-}
run "$PY" benchmarks/device.py embed $DRY ${EMBED_ARGS:-}
if [ -n "$DRY" ]; then
  echo "-- quality --scale: not in --dry (would run: benchmarks/quality.py --scale 8 with the time left)"
elif [ -f benchmarks/quality.py ]; then
  MIN=120 run "$PY" benchmarks/quality.py --scale 8 --out "${TMPDIR:-/tmp}/aef-quality-scale"
fi
echo "device.sh done in $(($(date +%s) - START)) s: ${#FAILED[@]} parts failed, ${#CUT[@]} cut for time"
for p in "${CUT[@]}"; do echo "  cut for time: $p"; done
if [ ${#FAILED[@]} -gt 0 ]; then
  for p in "${FAILED[@]}"; do echo "  FAILED: $p" >&2; done
  exit 1
fi
