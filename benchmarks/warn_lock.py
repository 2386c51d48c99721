"""What holding each warp of a lazy mosaic under `warn_lock.WARN_LOCK` costs (session 48): `official.mosaic` of a lazy
float cube (one year, 64 bands, chunks of 256 pixels) in EPSG:32632 onto a 10 m grid in EPSG:32631, computed three
ways, alternating rounds in one process, the best kept:

- overlapping: the warps on dask's threads at once (was; rasterio's `catch_warnings` blocks overlapped and left
  'ignore' in `warnings.filters`, which this benchmark puts back after each round)
- locked: as shipped, each chunk's warp under the lock (`warn_lock.serialised`), the reads and sums beside them
- synchronous: dask's synchronous scheduler, one task at a time (the floor the lock cannot fall below)

under dask's threaded scheduler with its default workers (one per core). CPU is this process's, wall the elapsed time.
Then the share of one synchronous compute spent under the lock (the warps): what the lock keeps to one core, so on N
cores the locked mosaic gains at most 1 / (share + (1 - share) / N) over one thread, where the warps spread before.

    .venv/bin/python benchmarks/warn_lock.py               # a 1024 x 1024 cube, 5 rounds
    .venv/bin/python benchmarks/warn_lock.py --size 512 --rounds 3
    .venv/bin/python benchmarks/warn_lock.py --dry         # a 64 x 64 cube, one round (shapes only)

Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results.
"""
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load, map_args  # noqa: E402

import dask  # noqa: E402
import dask.array as darr  # noqa: E402
import numpy as np  # noqa: E402
import xarray as xr  # noqa: E402

from alphaearth_nb import official, warn_lock  # noqa: E402
from alphaearth_nb.core import band_names  # noqa: E402


def lazy_cube(n):
    "A lazy unit cube (1, n, n, 64) in EPSG:32632 west of 6 deg E (near the 31N grid), chunks of 256 pixels."
    raw = darr.random.default_rng(0).normal(size=(1, n, n, 64), chunks=(1, 256, 256, 64)).astype("float32")
    unit = raw / darr.sqrt((raw ** 2).sum(-1, keepdims=True))
    x0, y0 = 240_000.0, 4_990_000.0
    return xr.DataArray(unit, dims=("time", "y", "x", "band"), attrs={"crs": "EPSG:32632"},
                        coords={"time": [np.datetime64("2024-01-01")], "y": y0 - 10 * np.arange(n) - 5,
                                "x": x0 + 10 * np.arange(n) + 5, "band": band_names()})


def timed(cube, gb, way):
    "(wall s, CPU s) of computing the mosaic of `cube` onto `gb` the way named."
    keep, kept = official.serialised, list(warnings.filters)
    if way == "overlapping": official.serialised = lambda x: x   # the warp layer as odc-geo builds it
    try:
        m = official.mosaic([cube], gb, "average")
        w, c = time.perf_counter(), time.process_time()
        m.data.compute(scheduler="synchronous" if way == "synchronous" else "threads")
        return time.perf_counter() - w, time.process_time() - c
    finally:
        official.serialised = keep
        warnings.filters[:] = kept   # what the overlapping warps left


def locked_share(cube, gb) -> float:
    "The fraction of a synchronous compute of the mosaic spent in its tasks under the lock."
    spent, inner = [0.0], warn_lock.under_warn_lock
    def timed(f, *args, **kwargs):
        t = time.perf_counter()
        try: return inner(f, *args, **kwargs)
        finally: spent[0] += time.perf_counter() - t
    warn_lock.under_warn_lock = timed   # what `serialised` puts in the tasks, looked up as the graph is built
    try:
        m = official.mosaic([cube], gb, "average")
        t = time.perf_counter()
        m.data.compute(scheduler="synchronous")
        return spent[0] / (time.perf_counter() - t)
    finally: warn_lock.under_warn_lock = inner


def main():
    n, rounds = map_args(__doc__, size=1024, rounds=5)
    warnings.filterwarnings("ignore", "Dataset has no geotransform")   # what the overlapping warps let through
    cube = lazy_cube(n)
    x0, y1 = float(cube.x[0]) - 5, float(cube.y[0]) + 5
    from pyproj import Transformer
    w, s = Transformer.from_crs("EPSG:32632", "EPSG:4326", always_xy=True).transform(x0, y1 - 10 * n)
    e, nn = Transformer.from_crs("EPSG:32632", "EPSG:4326", always_xy=True).transform(x0 + 10 * n, y1)
    gb = official.grid_for((w, s, e, nn), crs="EPSG:32631")
    ways = ("overlapping", "locked", "synchronous")
    best = {k: (np.inf, np.inf) for k in ways}
    for _ in range(rounds):
        for k in ways:
            t = timed(cube, gb, k)
            best[k] = min(best[k], t)
    print(f"mosaic of a lazy {n} x {n} x 64 cube (EPSG:32632) onto {gb.shape[0]} x {gb.shape[1]} (EPSG:32631), "
          f"{dask.system.CPU_COUNT} threads, best of {rounds}; {load()}")
    for k in ways:
        print(f"  {k:12s} wall {best[k][0]:7.2f} s  CPU {best[k][1]:7.2f} s  wall / overlapping "
              f"{best[k][0] / best['overlapping'][0]:.2f}")
    share = locked_share(cube, gb)
    print(f"  under the lock: {share:.0%} of a synchronous compute; on N cores the locked mosaic gains at most "
          f"{1 / share:.2f}x over one thread (N -> inf), 1 / ({share:.2f} + {1 - share:.2f} / N)")


if __name__ == "__main__":
    main()
