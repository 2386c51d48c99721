#!/usr/bin/env bash
# One prepared run for an accelerator machine, under 10 minutes (BUDGET seconds, default 540):
#   benchmarks/device.sh          # on the accelerator
#   benchmarks/device.sh --dry    # the same script on CPU with tiny sizes (checks that it runs)
# 1. the lite training step in bf16 + remat at the largest batch that fits: time, FLOP/s, share of the chip's peak
# 2. exact kNN on the device against a float64 NumPy brute force (neighbours that differ) and the matmul floor
# 3. lite embedding px/s and share of the matmul rate
# 4. the quality benchmark's --scale run, if benchmarks/quality.py exists and time is left (not with --dry)
# Each part gets the time left; a part that runs out is cut and the next one starts. A python without jax stops
# the run at once (exit 2); a part that fails does not stop the others, and the run then exits 1 naming it.
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
left() { echo $((BUDGET - ($(date +%s) - START))); }
run() {  # run "$@" with the time left (at least MIN seconds must remain)
  local t; t=$(left)
  if [ "$t" -lt "${MIN:-30}" ]; then echo "-- skipped, ${t}s left: $*"; return 0; fi
  timeout "$t" "$@"; local rc=$?
  if [ $rc -eq 124 ]; then echo "-- exit 124 (out of time): $*"; CUT+=("$*")
  elif [ $rc -ne 0 ]; then echo "-- exit $rc (failed): $*"; FAILED+=("$*"); fi
  return 0
}
echo "device.sh ${DRY:-(accelerator)} $(date -u +%FT%TZ), budget ${BUDGET}s, load $(cut -d' ' -f1-3 /proc/loadavg)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
run "$PY" benchmarks/device.py step $DRY
run "$PY" benchmarks/device.py knn $DRY
run "$PY" benchmarks/device.py embed $DRY
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
