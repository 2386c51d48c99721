"""What the map-side traps cost, this checkout against another (`--base`, e.g. a checkout of main before the fix),
side by side in one run: `similarity` of an in-memory map all valid, with its rows >= 100 NaN (a sea), and of
nonnegative floats; `change` of a map with itself. Each case runs in a fresh process (a user's first call: a warm
heap hides the page faults of big temporaries), both checkouts alternating in each round.

    .venv/bin/python benchmarks/map_speed.py --base /path/to/base            # 585 x 810, 3 rounds
    .venv/bin/python benchmarks/map_speed.py --base /path/to/base --pixels 1171x1619 --rounds 1
    .venv/bin/python benchmarks/map_speed.py --dry                            # 64 x 64, this checkout only

Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results. What each trap
was: NaN pixels went through the int8-code checks of the gate (`gate._code_pixels`, `_averaged_codes`); nonnegative
floats were copied whole to float64 in `value_hints.decoding_slip`; `evaluate.change_scores` made float64 copies
and unit rows of both whole maps (tests/test_gate_speed_traps.py, tests/test_change_row_blocks.py).

Measured (session 50, fast helper, 2 cores shared, load 4.8-4.9; base 31b18cd3, best of 2, base / this): valid
0.099 / 0.093 s (1.1x), sea 2.206 / 0.117 s (18.9x), nonneg 3.267 / 0.114 s (28.7x), change 3.056 / 0.227 s
(13.4x); benchmarks/NOTES.md "Session 50 map speed".
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load  # noqa: E402

CASES = ("valid", "sea", "nonneg", "change")

CHILD = r"""
import json, sys, time, warnings
import numpy as np
sys.path.insert(0, sys.argv[1])
import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit
h, w = int(sys.argv[2]), int(sys.argv[3])
v = random_unit((h, w), seed=0).astype(np.float32)
out = {}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    small = embedding_from_array(v[:8, :8]); small.aef.similarity(small.values[0, 0]); small.aef.change(small)  # imports
    for case in sys.argv[4:]:
        a = np.abs(v) if case == "nonneg" else v.copy()
        if case == "sea": a[100:] = np.nan
        emb = embedding_from_array(a)
        t = time.perf_counter()
        emb.aef.change(emb) if case == "change" else emb.aef.similarity(a[5, 5] / np.linalg.norm(a[5, 5]))
        out[case] = time.perf_counter() - t
print(json.dumps(out))
"""


def run(root, h, w, case):
    r = subprocess.run([sys.executable, "-c", CHILD, str(root), str(h), str(w), case], capture_output=True, text=True)
    if r.returncode: raise SystemExit(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", help="another checkout's root (its alphaearth_nb is imported in the base rounds)")
    p.add_argument("--pixels", default="585x810", help="rows x columns of the map (default 585x810)")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds, the best kept (default 3)")
    p.add_argument("--dry", action="store_true", help="a 64 x 64 map, one round, this checkout only")
    a = p.parse_args()
    h, w = (64, 64) if a.dry else map(int, a.pixels.lower().split("x"))
    roots = {"this": Path(__file__).resolve().parents[1]} | ({"base": Path(a.base)} if a.base and not a.dry else {})
    best = {k: {} for k in roots}
    for i in range(1 if a.dry else a.rounds):
        for case in CASES:
            for k in (roots if i % 2 == 0 else dict(reversed(roots.items()))):
                t = run(roots[k], h, w, case)[case]
                best[k][case] = min(t, best[k].get(case, t))
        print(f"round {i + 1}: {load()}", flush=True)
    print(f"{h} x {w} pixels x 64 float32, best of {1 if a.dry else a.rounds}; {load()}")
    for case in CASES:
        line = f"  {case:7s} this {best['this'][case]:7.3f} s"
        if "base" in best: line += f"   base {best['base'][case]:7.3f} s   base/this {best['base'][case] / best['this'][case]:6.1f}x"
        print(line)


if __name__ == "__main__":
    main()
