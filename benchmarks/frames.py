"""What the per-frame unit check of lazy stacks costs (`frame_samples` inside `validate_stack`), side by side in one run.

    .venv/bin/python benchmarks/frames.py [--base /path/to/checkout] [--looks-past REV] [--before REV] [--runs 5] [--embed]

The sample scene (`load_scene()`), every band a dask array of (1 frame, 32, 32 px) chunks over an array that counts
its reads (one per chunk computed), is validated by three versions of `stacks._check_values`, each with its own
`frame_samples`: `centre` (4e912db: the centre chunk of every frame, one compute per band; `--base` is a checkout of
it), `looks past` (03b0bb1, `--looks-past`: per band, a frame short of clear values reads more chunks, 6 for an
empty date), `before` (8da5b99, `--before`: the search counted each frame's clearest band, not the band it reads)
and `now` (this checkout). Printed: the median wall time of `validate_stack` (of `--runs`), the chunk
reads of Sentinel-2 (B4 and all bands) and of the whole stack, and the frames judged (>= 16 clear values in B4).
`--embed` also times `embed` of the lazy scene for one year with an untrained `small` model (the demo's; one run,
after a warm-up that compiles), to show the share validation takes of it.

Measured 2026-12-02 on 2 shared cores (session 17):

    version      validate_stack  S2 reads B4 / all 6 bands (of 3,650 / 21,900)  whole stack  S2 frames judged
    centre            1.33 s          152 /   912                                  1,529         75 of 146
    looks past        6.99 s          509 / 3,054                                  4,421         89 of 146
    now               2.94 s          182 / 1,421                                  2,174         89 of 146
(medians of 5, load average 7.9 before, 8.1 after). `now`: one plan for all bands of a source (the search past the
centre reads one band, the others only the chunks where it found clear values), `.blocks` reads instead of
slice-and-take graphs, one compute per round for all frames, and only the bands `check_frame_units` judges (not
dem, gedi, landcover). embed of the lazy scene (small, untrained, 2024): 119 s, validation 2% of it (looks past: 6%).

Measured 2026-12-02 on 2 shared cores (session 18, `--base 4e912db --runs 7`, one process):

    version      validate_stack  S2 reads B4 / all 6 bands (of 3,650 / 21,900)  whole stack  S2 frames judged
    centre            2.08 s          152 /   912                                  1,529         75 of 146
    looks past       10.13 s          509 / 3,054                                  4,421         89 of 146
    before            2.84 s          182 / 1,421                                  2,174         89 of 146
    now               2.82 s          182 / 1,421                                  2,174         89 of 146
(load average 8.8 before, 9.4 after; a first run at load 6.3 -> 8.3 gave before 2.89 s, now 3.65 s, the same reads:
the difference is the load). `now` counts, for the frames the search stops, the clear values of the band it reads:
the scene's bands share their clouds, so the count and the reads are the same here; a frame whose search band is
clouded at the centre while another band is clear there now searches on (tests/test_units.py). Empty dates still
read 5 chunks each past the centre in the search band: a chunk has to be read to be known empty.
"""
import argparse
import ast
import os
import statistics
import subprocess
import time
from pathlib import Path

import dask.array as da
import numpy as np
import xarray as xr

from alphaearth_nb import stacks
from alphaearth_nb.scene import load_scene

ROOT = Path(__file__).resolve().parents[1]


class Counting:
    "An array that counts its reads (one per chunk a dask array built on it computes)."
    def __init__(self, a): self.a, self.shape, self.dtype, self.ndim, self.reads = a, a.shape, a.dtype, a.ndim, 0
    def __getitem__(self, k):
        out = self.a[k]
        if out.size: self.reads += 1  # (dask's look at an empty slice, for the dtype, reads nothing)
        return out


def lazy_scene(chunk=32):
    "The sample scene with every band a dask array on a `Counting`: (DataTree, {(source, band): counter})."
    stack, seen, kids = load_scene()[0], {}, {}
    for name in stack.children:
        ds = stack[name].to_dataset()
        for v in ds.data_vars: seen[name, v] = Counting(np.asarray(ds[v].values))
        kids[name] = ds.assign({v: (ds[v].dims, da.from_array(seen[name, v], chunks=(1, chunk, chunk)))
                                for v in ds.data_vars})
    out = xr.DataTree.from_dict(kids); out.attrs.update(stack.attrs)
    return out, seen


def _source(where, module):
    "A module's source text: from a checkout folder, or from a git revision of this repository."
    p = Path(where) / "alphaearth_nb" / f"{module}.py"
    if p.exists(): return p.read_text()
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{where}:alphaearth_nb/{module}.py"], check=True,
                          capture_output=True, text=True).stdout


def _defs(text, names, ns):
    "Run the top-level definitions `names` of module source `text` in namespace `ns` (which gives their globals)."
    tree = ast.parse(text)
    keep = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.Assign)) and
            (getattr(n, "name", None) in names or any(getattr(t, "id", None) in names for t in getattr(n, "targets", [])))]
    exec(compile(ast.Module(keep, []), f"<{names}>", "exec"), ns)
    return ns


def old_check_values(where):
    "`stacks._check_values` of an older version, with that version's `frame_samples` (and its helpers)."
    from alphaearth_nb import sources, units
    try: text = _source(where, "units")
    except subprocess.CalledProcessError: text = ""
    if "def frame_samples" not in text: text = _source(where, "sources")  # in sources before session 17
    ns = _defs(text, {"frame_samples", "_clear", "_spread", "_padded"}, {**vars(sources), **vars(units)})
    st = dict(vars(stacks)); st["frame_samples"] = ns["frame_samples"]
    return _defs(_source(where, "stacks"), {"_check_values"}, st)["_check_values"]


def run(stack, seen, check, runs):
    "Median wall time of `validate_stack` with `check` as `_check_values`, and the reads of one run."
    keep = stacks._check_values
    stacks._check_values = check
    try:
        ts = []
        for _ in range(runs):
            for c in seen.values(): c.reads = 0
            t = time.perf_counter(); stacks.validate_stack(stack); ts.append(time.perf_counter() - t)
    finally: stacks._check_values = keep
    return statistics.median(ts), {k: c.reads for k, c in seen.items()}


def judged(check):
    "Frames of Sentinel-2 with >= 16 clear values in B4's sample, under `check`'s `frame_samples`."
    fs = check.__globals__["frame_samples"]
    d = load_scene()[0]["sentinel2"].to_dataset().chunk({"time": 1, "y": 32, "x": 32})
    try: s = fs(d["B4"], nodata=None)
    except TypeError: s = fs(d["B4"])
    return int((np.isfinite(s).sum(1) >= 16).sum())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default="/work/m17/base", help="checkout (or git revision) of the centre-chunk version")
    ap.add_argument("--looks-past", default="03b0bb1", help="git revision (or checkout) of the first looks-past version")
    ap.add_argument("--before", default="8da5b99", help="git revision (or checkout) before the search counted its own band")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--embed", action="store_true", help="also time embed of the lazy scene (small, untrained)")
    a = ap.parse_args()
    stack, seen = lazy_scene()
    versions = {"centre": old_check_values(a.base), "looks past": old_check_values(a.looks_past),
                "before": old_check_values(a.before), "now": stacks._check_values}
    print(f"load average before (1, 5, 15 min): {os.getloadavg()}")
    s2 = [k for k in seen if k[0] == "sentinel2"]
    total = sum(int(np.prod(c.a.shape[:1])) * 25 for k, c in seen.items() if k[0] == "sentinel2") // len(s2)
    times = {}
    for name, check in versions.items():
        run(stack, seen, check, 1)  # warm-up
    for name, check in versions.items():
        t, reads = run(stack, seen, check, a.runs)
        times[name] = t
        print(f"{name:>10}: validate_stack {t:6.3f} s (median of {a.runs}); Sentinel-2 chunk reads B4 "
              f"{reads['sentinel2', 'B4']} of {total}, all {len(s2)} bands {sum(reads[k] for k in s2)}; whole stack "
              f"{sum(reads.values())}; Sentinel-2 frames judged (B4) {judged(check)} of 146")
    print(f"load average after (1, 5, 15 min): {os.getloadavg()}")
    if a.embed:
        import jax
        from alphaearth_nb.embed import embed
        from alphaearth_nb.model import AlphaEarth, preset
        model = AlphaEarth(preset("small"), key=jax.random.key(0))
        go = lambda: embed(stack, model, 2024, progress=False).compute()  # the lazy stack: a lazy result
        go()  # compiles
        t = time.perf_counter(); go(); t = time.perf_counter() - t
        print(f"embed of the lazy scene (small, untrained, 2024, compiled): {t:.2f} s; validate_stack (now) is "
              f"{100 * times['now'] / t:.0f}% of it (looks past: {100 * times['looks past'] / t:.0f}%)")


if __name__ == "__main__":
    main()
