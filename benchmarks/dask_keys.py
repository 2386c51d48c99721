"""What computing each piece of a lazy map on keys of its own costs (`dask_keys.own_graph`, session 47): the three
loops that compute one lazy map a piece at a time, `to_cog` (a window per write), `TileSampler.window` (the pixels
under a web map tile) and `embed_to_zarr` (a few chunks of tile sums per write), each timed three ways, alternating
rounds in one process, the best kept:

- shared: every piece on the map's own keys (was, for tiles and embed_to_zarr; racy under dask.distributed)
- own: every piece renamed onto a graph of its own (was, for to_cog since e80bb8d2, on any scheduler)
- auto: as shipped: renamed only where the scheduler keeps tasks between computes (`dask_keys.shares_keys`)

under dask's threaded scheduler, then under a dask.distributed LocalCluster in this process (2 workers, 1 thread
each), where auto is own. CPU is this process's (the cluster's threads included), wall the elapsed time.

    .venv/bin/python benchmarks/dask_keys.py               # a 512 x 512 map, 3 rounds
    .venv/bin/python benchmarks/dask_keys.py --size 1024 --rounds 2
    .venv/bin/python benchmarks/dask_keys.py --dry         # a 64 x 64 map, one round (shapes only)

Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results.
"""
import contextlib
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load, map_args  # noqa: E402
from embed import make_model, synthetic_stack  # noqa: E402

import dask.array as darr  # noqa: E402
import numpy as np  # noqa: E402
import xarray as xr  # noqa: E402

from alphaearth_nb import dask_keys  # noqa: E402
from alphaearth_nb.embed import embed_to_zarr  # noqa: E402
from alphaearth_nb.exports import to_cog  # noqa: E402
from alphaearth_nb.tiles import TILE, TileSampler  # noqa: E402

WAYS = {"shared": lambda *xs: False, "own": lambda *xs: True, "auto": dask_keys.shares_keys}


@contextlib.contextmanager
def way(name):
    "`dask_keys.shares_keys` answering as `name` says, for the loops' calls (module-level lookup)."
    keep = dask_keys.shares_keys
    dask_keys.shares_keys = WAYS[name]
    try: yield
    finally: dask_keys.shares_keys = keep


def lazy_map(n, chunk):
    "A lazy unit map (n x n x 64) whose chunks read their neighbours' edges, as `embed`'s lazy map does."
    raw = darr.random.default_rng(0).normal(size=(n, n, 64), chunks=(chunk, chunk, 64)).astype("float32")
    t = raw.map_overlap(lambda b: b + 0, depth={0: 1, 1: 1, 2: 0}, boundary="none")
    unit = t / darr.sqrt((t ** 2).sum(-1, keepdims=True))
    return xr.DataArray(unit, dims=("y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"y": 5e6 - 10 * np.arange(n) - 5, "x": 5e5 + 10 * np.arange(n) + 5,
                                "band": [f"A{i:02d}" for i in range(64)]})


def tiles(emb, n):
    "8 zoomed-in tiles (a window of up to 256 x 256 pixels each) and one zoomed-out point read."
    s, side = TileSampler(emb), min(TILE, n)
    rng = np.random.default_rng(0)
    for r0, c0 in rng.integers(0, max(n - side, 1), (8, 2)):
        r = np.arange(r0, r0 + side)[:, None] + np.zeros(side, int)[None]
        s.window(r, r.T - r0 + c0, np.ones(r.shape, bool))
    r = rng.integers(0, n, (3 * TILE, 3 * TILE))
    s.window(r, r[::-1], np.ones(r.shape, bool))


def timed(f):
    c0, w0 = time.process_time(), time.perf_counter()
    f()
    return time.perf_counter() - w0, time.process_time() - c0


def main():
    n, rounds = map_args(__doc__, size=512, rounds=3)
    chunk = max(n // 4, 16)
    emb = lazy_map(n, chunk)
    model = make_model("tiny")
    side = min(n // 4, 96)   # the embedded region: the tiny model's tiles on a 2-core CPU
    stack = synthetic_stack(side, model.cfg.inputs, side // 2)
    print(f"map {n} x {n} x 64 in {chunk}-pixel chunks (overlap 1), to_cog blocksize {min(128, n)}; embed_to_zarr "
          f"{side} x {side} px, tiny model, chunks {side // 2}; best of {rounds}; {load()}")
    with tempfile.TemporaryDirectory() as d, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loops = {"to_cog": lambda: to_cog(emb, f"{d}/m.tif", blocksize=min(128, n), overwrite=True),
                 "tiles": lambda: tiles(emb, n),
                 "embed_to_zarr": lambda: embed_to_zarr(stack, model, 2024, f"{d}/e.zarr", progress=False,
                                                        chunks=side // 2, overwrite=True)}
        loops["embed_to_zarr"]()   # compiled once, outside the rounds
        for where in ("threads", "distributed"):
            ctx = contextlib.nullcontext()
            if where == "distributed":
                import distributed
                ctx = distributed.Client(distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                                                  dashboard_address=None))
            with ctx:
                ways = ("shared", "own", "auto") if where == "threads" else ("shared", "own")
                for name, f in loops.items():
                    best = {}
                    for _ in range(rounds):
                        for w in ways:
                            with way(w): t = timed(f)
                            best[w] = min(best.get(w, t), t)
                    base = best["shared"]
                    print(f"{where:11s} {name:13s} " + "; ".join(
                        f"{w} {best[w][0]:.2f} s wall ({best[w][0] / base[0]:.2f}x), {best[w][1]:.2f} s CPU "
                        f"({best[w][1] / base[1]:.2f}x)" for w in ways))
    print(load())


if __name__ == "__main__":
    main()
