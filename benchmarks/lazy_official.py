"""What one call costs on a lazy official cube, this checkout against another (`--base`, a checkout of main before the
fix), side by side in one run: `official.open` of 0.2 x 0.1 degrees about (6.0, 45.0) from a local mirror
(`official.build_local_mirror`, two zones, written once here) onto EPSG:32631 (3 x 4 chunks of 512 px: zone 32N
warped), then `similarity` at a point of its 2024 map, `change` of its two years, and `similarity` computed over one
512 x 512 chunk, and `classify` of both years with one label of three off the map (refused). Each case runs in a
fresh process, both checkouts alternating in each round; each prints its time, how many chunks of the cube it
computed (its warps of zone 32N, one a chunk, counted by a dask callback) and the tasks of the cube's graph.

    .venv/bin/python benchmarks/lazy_official.py --base /path/to/base      # 2 rounds
    .venv/bin/python benchmarks/lazy_official.py --dry                     # one round, this checkout only

Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results. The trap: the
gate's nine sample windows (`pixels.map_sample`) spread over the map fell in 9 of its 12 chunks, each computed
whole (tiles decoded, zone 32N warped), so a similarity at one point cost about the whole map (tests/test_lazy_sample_chunks.py).

Measured (session 51, fast helper, 2 cores shared, load 7.5-10.2; base f57005b5, best of 2, base / this): point
21.34 / 17.29 s (1.2x; 7 / 2 chunks), change 54.97 / 12.31 s (4.5x; 12 / 2), one chunk 34.09 / 15.05 s (2.3x;
8 / 3); benchmarks/NOTES.md "lazy official cube".
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load  # noqa: E402

CASES = ("point", "change", "chunk", "offmap")
AREA = (5.9, 44.95, 6.1, 45.05)

CHILD = r"""
import json, sys, time, warnings
sys.path.insert(0, sys.argv[1])
import alphaearth_nb as aef
from dask.callbacks import Callback
mirror, case = sys.argv[2], sys.argv[3]
class Chunks(Callback):   # the warps of zone 32N run (one a chunk of the cube computed), and the computes
    n = computes = 0
    def _start(self, dsk): self.computes += 1
    def _pretask(self, key, dsk, state): self.n += isinstance(key, tuple) and str(key[0]).startswith("reproject-")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    c = aef.official.open(%s, (2023, 2024), source=mirror, crs="EPSG:32631")
    opened = time.perf_counter() - t0
    with Chunks() as n:
        t = time.perf_counter()
        if case == "point": c.sel(time="2024-01-01").aef.similarity((5.99, 45.0))
        elif case == "change": c.isel(time=0).aef.change(c.isel(time=1))
        elif case == "chunk": c.isel(time=1).aef.similarity((5.99, 45.0)).isel(y=slice(0, 512), x=slice(512, 1024)).values
        else:   # classify of both years with one label of three off the map: refused
            try: aef.classify(c, {"lon": [5.998, 6.002, 8.0], "lat": [45.0, 45.0005, 45.0], "label": [1, 2, 1]}, k=1)
            except aef.core.LabelError: pass
        took = time.perf_counter() - t
print(json.dumps({"open": opened, "s": took, "chunks": n.n, "computes": n.computes, "of": c.data.npartitions,
                  "tasks": len(dict(c.data.__dask_graph__()))}))
""" % (AREA,)


def run(root, mirror, case):
    r = subprocess.run([sys.executable, "-c", CHILD, str(root), str(mirror), case], capture_output=True, text=True)
    if r.returncode: raise SystemExit(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", help="another checkout's root (its alphaearth_nb is imported in the base rounds)")
    p.add_argument("--rounds", type=int, default=2, help="alternating rounds, the best kept (default 2)")
    p.add_argument("--dry", action="store_true", help="one round, this checkout only")
    p.add_argument("--cases", nargs="+", choices=CASES, default=CASES, help="the cases run (default: all)")
    a = p.parse_args()
    roots = {"this": Path(__file__).resolve().parents[1]} | ({"base": Path(a.base)} if a.base and not a.dry else {})
    sys.path.insert(0, str(roots["this"]))
    from alphaearth_nb import official
    with tempfile.TemporaryDirectory() as tmp:
        mirror = official.build_local_mirror(Path(tmp) / "mirror", years=(2023, 2024)).root
        best = {k: {} for k in roots}
        for i in range(1 if a.dry else a.rounds):
            for case in a.cases:
                for k in (roots if i % 2 == 0 else dict(reversed(roots.items()))):
                    r = run(roots[k], mirror, case)
                    if case not in best[k] or r["s"] < best[k][case]["s"]: best[k][case] = r
            print(f"round {i + 1}: {load()}", flush=True)
    print(f"official.open{AREA}, 2023-2024, EPSG:32631, chunks of 512; best of {1 if a.dry else a.rounds}; {load()}")
    for case in a.cases:
        line = "  ".join(f"{k} {b[case]['s']:6.2f} s ({b[case]['chunks']} of {b[case]['of']} chunks, "
                         f"{b[case].get('computes', '?')} computes, "
                         f"{b[case].get('tasks', '?')} tasks)"
                         for k, b in best.items())
        if "base" in best: line += f"   base/this {best['base'][case]['s'] / best['this'][case]['s']:5.1f}x"
        print(f"  {case:6s} {line}")


if __name__ == "__main__":
    main()
