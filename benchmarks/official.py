"""Benchmark the official-embedding readers on a local mirror in the real layout (`official.build_local_mirror`).

    .venv/bin/python benchmarks/official.py                 # 384 px side vs a 4x larger area; 100k points
    .venv/bin/python benchmarks/official.py --side 192 --points 50000 --loop 1000

1. Area: `official.open(bbox)` of one zone streamed to an int8 COG (`exports.to_cog`, overviews included), for a bbox
   and one with 4x the area, each in a fresh subprocess. Prints wall time and peak memory (VmHWM, and above the
   process's memory right after the imports); a reader that streams keeps memory flat and time about linear.
2. Points: 100k lon/lat points over both zones with `official.sample_points` (one lazy open per tile, dask point
   indexing, each touched block read once) against the loop people write first (per point: find its tile, read a
   1 x 1 window with rasterio), side by side. The loop keeps every tile open and reuses transformers (only the
   reads are per point); it is timed on `--loop` points and scaled per point.
The mirror's vectors are real official vectors from ../shared/data/aef_samples (AEF_SHARED_DATA); without them the
benchmark says so and stops.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _rss_kb(field="VmHWM"):
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"): return int(line.split()[1])
    except OSError: pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(root, side, out):
    "One area measurement in a fresh process: open a side x side (pixels) bbox of zone 31N and write a COG."
    from alphaearth_nb import official
    from alphaearth_nb.exports import to_cog
    from pyproj import Transformer
    import geopandas as gpd
    base = _rss_kb("VmRSS")
    idx = gpd.read_parquet(Path(root) / official.INDEX_NAME)
    t = idx[(idx.utm_zone == "31N")].sort_values("utm_west").iloc[0]
    x0, y1 = t.utm_west + 50, t.utm_north - 50
    to_ll = Transformer.from_crs(t.crs, "EPSG:4326", always_xy=True)
    w, n = to_ll.transform(x0, y1); e, s = to_ll.transform(x0 + side * 10, y1 - side * 10)
    t0 = time.perf_counter()
    cube = official.open((w, s, e, n), int(t.year), source=root, chunks=256).isel(time=0)
    to_cog(cube, Path(out) / f"area_{side}.tif", blocksize=256)
    dt = time.perf_counter() - t0
    print(json.dumps({"side": side, "pixels": int(cube.sizes["y"] * cube.sizes["x"]), "seconds": dt,
                      "peak_mb": _rss_kb() / 1024, "above_imports_mb": (_rss_kb() - base) / 1024}))


def loop_sample(lon, lat, root, year):
    "The per-point loop, made fair: tiles opened once, one transformer per zone, then per point a 1 x 1 read."
    import geopandas as gpd
    import rasterio
    from pyproj import Transformer
    from rasterio.windows import Window
    from alphaearth_nb import official
    idx = gpd.read_parquet(Path(root) / official.INDEX_NAME)
    idx = idx[idx.year == year].sort_values("crs")
    files = [rasterio.open(official.tile_href(p, official.mirror_of(root))) for p in idx.path]
    to = {c: Transformer.from_crs("EPSG:4326", c, always_xy=True) for c in idx["crs"].unique()}
    out = np.full((len(lon), 64), -128, np.int8)
    for k, (a, b) in enumerate(zip(lon, lat)):
        for f, c in zip(files, idx["crs"]):
            x, y = to[c].transform(a, b)
            row, col = f.index(x, y)
            if 0 <= row < f.height and 0 <= col < f.width:
                out[k] = f.read(window=Window(col, row, 1, 1))[:, 0, 0]; break
    for f in files: f.close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--side", type=int, default=384, help="bbox side in pixels (the large one is 2x: 4x the area)")
    ap.add_argument("--points", type=int, default=100_000)
    ap.add_argument("--loop", type=int, default=2_000, help="points timed in the per-point loop (then scaled)")
    ap.add_argument("--child", nargs=3, metavar=("ROOT", "SIDE", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child: return child(a.child[0], int(a.child[1]), a.child[2])

    from alphaearth_nb import official
    from alphaearth_nb.core import MissingDataError
    print(f"load average at start: {os.getloadavg()}")
    tmp = Path(tempfile.mkdtemp(prefix="aef_official_bench_"))
    t0 = time.perf_counter()
    try: mir = official.build_local_mirror(tmp / "mirror", years=(2024,), size=2 * a.side + 16, blocksize=256)
    except MissingDataError as e:
        print(f"skipped: the official samples are not here ({e})"); return
    print(f"mirror: {len(mir.index)} tiles of {2 * a.side + 16} px in 2 zones, "
          f"built in {time.perf_counter() - t0:.1f} s")

    runs = []
    for side in (a.side, 2 * a.side):
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        res = subprocess.run([sys.executable, __file__, "--child", str(mir.root), str(side), str(tmp)],
                             capture_output=True, text=True, env=env)
        if res.returncode: print(res.stderr[-2000:]); raise SystemExit("area child failed")
        runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"area {r['pixels']:>8,d} px: {r['seconds']:6.2f} s, peak {r['peak_mb']:7.1f} MB "
              f"({r['above_imports_mb']:6.1f} MB above the imports)")
    s, b = runs
    area = b["pixels"] / s["pixels"]
    print(f"area x{area:.2f}: time x{b['seconds'] / s['seconds']:.2f} (linear: x{area:.2f}), "
          f"peak memory x{b['peak_mb'] / s['peak_mb']:.2f} (bar <= 1.5), "
          f"above imports x{b['above_imports_mb'] / max(s['above_imports_mb'], 1e-9):.2f}")

    if a.points <= 0: print(f"load average at end: {os.getloadavg()}"); return
    idx = mir.index
    rng = np.random.default_rng(0)
    lon = rng.uniform(idx.wgs84_west.min(), idx.wgs84_east.max(), a.points)
    lat = rng.uniform(idx.wgs84_south.max(), idx.wgs84_north.min(), a.points)
    t0 = time.perf_counter()
    got = official.sample_points((lon, lat), 2024, source=mir.root, chunks=256)
    t_bulk = time.perf_counter() - t0
    n = min(a.loop, a.points)
    t0 = time.perf_counter()
    codes = loop_sample(lon[:n], lat[:n], mir.root, 2024)
    t_loop = (time.perf_counter() - t0) / n * a.points
    from alphaearth_nb.quantize import dequantize
    from alphaearth_nb.core import band_names
    same = np.array_equal(np.asarray(dequantize(codes)), got[band_names()].to_numpy()[:n], equal_nan=True)
    print(f"sample {a.points:,d} lon/lat points: bulk {t_bulk:.2f} s ({a.points / t_bulk:,.0f} pts/s); per-point loop "
          f"{t_loop:.1f} s scaled from {n:,d} points ({a.points / t_loop:,.0f} pts/s); speed-up x{t_loop / t_bulk:.1f} "
          f"(bar >= 10); same vectors on the looped points: {same}; inside: {got.inside.mean():.3f}")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
