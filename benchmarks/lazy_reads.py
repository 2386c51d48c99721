"""How many chunks of a lazy official cube each mapping call reads, and in how many computes: a dask cube in the
official layout (int8 codes or float32 vectors, 64 bands, one image a year; as a (time, y, x, band) DataArray or as
xee's Dataset of A00..A63) whose chunks record each read, then classify, similarity, change, aggregate and evaluate's
read (`training_set` of one year) on it, and the refusals (labels or a point off the map, labels in another CRS,
labels of a year the cube lacks). Every chunk read of a map opened lazily (xee over Earth Engine, a zarr store, a
mirror of COGs) is a network read: a refusal should read nothing, a call each chunk once a year.

    .venv/bin/python benchmarks/lazy_reads.py            # 2 years of 3 x 4 chunks of 64 px, int8 and float32
    .venv/bin/python benchmarks/lazy_reads.py --dry      # int8 only
    .venv/bin/python benchmarks/lazy_reads.py --against ../main   # another tree's counts beside these, old -> new

Counts only (no timing): tests/test_lazy_read_counts.py asserts the ones that must hold.
"""
import argparse
import os
import subprocess
import sys
import threading
import warnings
from collections import Counter
from pathlib import Path

import dask.array as dsa
import numpy as np
import pandas as pd
import xarray as xr
from dask.callbacks import Callback

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load  # noqa: E402

SIDE, NY, NX, YEARS = 64, 3, 4, (2023, 2024)


class Reads(Callback):
    "The chunks of a counted cube read (`reads`: (t, y0, x0) each time one is read) and the dask computes run."
    def __init__(self):
        super().__init__()
        self.reads, self.computes, self.lock = [], 0, threading.Lock()

    def _start(self, dsk): self.computes += 1

    def tally(self) -> dict:
        "reads, distinct chunks read, the most times one chunk was read, computes."
        c = Counter(self.reads)
        return {"reads": len(self.reads), "chunks": len(c), "most": max(c.values(), default=0), "computes": self.computes}


def counted_cube(reads: Reads, dtype: str = "int8", dataset: bool = False, years=YEARS, side=SIDE, ny=NY, nx=NX):
    """A lazy cube (time, y, x, band) of `years` on a 10 m UTM grid (EPSG:32631), chunks of one year and `side` pixels
    whose every read is recorded in `reads.reads` as (year index, y0, x0): int8 codes (-128 = no data, as the product
    stores them) or float32 unit vectors. `dataset`: xee's form, a Dataset of A00..A63 over (time, y, x)."""
    from alphaearth_nb.quantize import quantize
    from alphaearth_nb.testing import embedding_from_array, random_unit

    def block(block_info=None):
        (t0, _), (y0, y1), (x0, x1) = block_info[None]["array-location"][:3]
        with reads.lock: reads.reads.append((t0, y0, x0))
        v = random_unit((y1 - y0, x1 - x0), t0 * 100_000 + y0 * 100 + x0)[None]
        return np.asarray(quantize(v)) if dtype == "int8" else v
    chunks = ((1,) * len(years), (side,) * ny, (side,) * nx, (64,))
    data = dsa.map_blocks(block, chunks=chunks, dtype=dtype, name=f"counted-{dtype}-{id(reads)}")
    m = embedding_from_array(np.zeros((1, 1, 64), "float32"))
    coords = {"time": pd.to_datetime([f"{y}-01-01" for y in years]).values.astype("datetime64[ns]"),
              "y": 5e6 + 5 - 10.0 * np.arange(side * ny), "x": 5e5 + 5 + 10.0 * np.arange(side * nx), "band": m.band.values}
    attrs = {"crs": "EPSG:32631"} | ({"nodata": -128} if dtype == "int8" else {})
    cube = xr.DataArray(data, dims=("time", "y", "x", "band"), coords=coords, attrs=attrs)
    if not dataset: return cube
    ds = cube.to_dataset("band")
    for v in ds.data_vars.values(): v.encoding["dtype"] = np.dtype(dtype)
    return ds.assign_attrs(crs="EPSG:32631")


def labels(cube, off: int = 0, year=None) -> pd.DataFrame:
    "Six labelled points (two classes) on the cube's map, `off` more east of it; a `year` column where given."
    x, y = cube.x.values, cube.y.values
    t = pd.DataFrame({"x": x[[3, 40, 100, 150, 200, 250]], "y": y[[5, 60, 120, 20, 90, 180]], "label": [1, 1, 1, 2, 2, 2]})
    t = pd.concat([t, pd.DataFrame({"x": x[-1] + 1e4 * (1 + np.arange(off)), "y": y[10], "label": 2})], ignore_index=True)
    return t if year is None else t.assign(year=year)


def cases(cube) -> dict:
    "name -> a call of the cube, run with its reads counted (a refusal's error caught and named)."
    from alphaearth_nb import analysis, cubes
    two = lambda i: cube.isel(time=i)   # one year's map, as `aef evaluate --year` and `change` are given it
    x, y = cube.x.values, cube.y.values
    return {
        "classify": lambda: analysis.classify(cube, labels(cube), k=1, crs="EPSG:32631")["class"].values,
        "classify, a label off the map (refused)": lambda: analysis.classify(cube, labels(cube, off=1), k=1, crs="EPSG:32631"),
        "classify, labels in lon/lat said metres (refused)": lambda: analysis.classify(
            cube, labels(cube).assign(x=3.0, y=45.0), k=1, crs="EPSG:32631"),
        "classify, labels of 2019 only (refused)": lambda: analysis.classify(cube, labels(cube, year=2019), k=1,
                                                                             crs="EPSG:32631"),
        "similarity": lambda: analysis.similarity(cube, (x[70], y[70]), crs="EPSG:32631").values,
        "similarity, the point off the map (refused)": lambda: analysis.similarity(cube, (x[-1] + 1e4, y[3]),
                                                                                   crs="EPSG:32631"),
        "change of the two years": lambda: analysis.change(two(0), two(1)).values,
        "change, no `other` (refused)": lambda: analysis.change(cube),
        "aggregate": lambda: cubes.aggregate(cube, pd.DataFrame({"x": x[[10, 150]], "y": y[[10, 100]]}), buffer=50,
                                             crs="EPSG:32631"),
        "evaluate's read (training_set, one year)": lambda: analysis.training_set(two(1), labels(cube), crs="EPSG:32631"),
    }


def count(dtype: str, dataset: bool, name: str) -> dict:
    "One case on a fresh counted cube: its tally, and the error it raised (its type) where refused."
    r = Reads()
    cube = counted_cube(r, dtype, dataset)
    fn = cases(cube)[name]
    err = None
    with r, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try: fn()
        except Exception as e: err = type(e).__name__   # noqa: E722 (a refusal is a case)
    return r.tally() | {"error": err, "of": len(YEARS) * NY * NX}


def side_by_side(root: Path, dry: bool):
    "This script run on tree `root` (a repo root: its package, its copy of this script) and on this tree, one run " \
    "each, every count printed old -> new."
    here = Path(__file__).resolve().parents[1]
    runs = [subprocess.run([sys.executable, str(r / "benchmarks" / "lazy_reads.py"), *(["--dry"] if dry else [])],
                           env=dict(os.environ, PYTHONPATH=str(r)), capture_output=True, text=True,
                           check=True).stdout.splitlines() for r in (root, here)]
    print(f"old: {root}   new: {here}")
    for a, b in zip(*runs):
        if not (a.startswith("  ") and b.startswith("  ")):
            print(a if a == b else f"{a}\n{b}")
            continue
        ra, rb = (", ".join(x[54:].split(",")[:2]).strip() for x in (a, b))   # reads / chunks (of all), most
        ca, cb = (x.split(",")[-1].split()[0] for x in (a, b))                 # computes
        print(f"{a[:54]} {ra:>30} -> {rb:<30} computes {ca} -> {cb}" + (f"  [{a.split('[')[-1]}" if "[" in a else ""))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dry", action="store_true", help="int8 only")
    p.add_argument("--against", metavar="ROOT", type=Path, help="another tree (a repo root, e.g. main's worktree): "
                   "its counts and these side by side, old -> new, from one run of each")
    a = p.parse_args(argv)
    if a.against is not None: return side_by_side(a.against.resolve(), a.dry)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    names = list(cases(counted_cube(Reads())))
    print(f"a cube of {len(YEARS)} years x {NY} x {NX} chunks of {SIDE} px; {load()}")
    for dtype in ("int8",) if a.dry else ("int8", "float32"):
        for dataset in (False, True):
            print(f"\n{dtype}, {'Dataset of A00..A63 (xee)' if dataset else 'DataArray (time, y, x, band)'}: reads / "
                  "chunks read (of all), the most reads of one chunk, computes")
            for n in names:
                t = count(dtype, dataset, n)
                print(f"  {n:<52} {t['reads']:>3} / {t['chunks']:>2} (of {t['of']}), most {t['most']}, "
                      f"{t['computes']} computes" + (f"  [{t['error']}]" if t["error"] else ""))


if __name__ == "__main__":
    main()
