"""Benchmark `embed`: throughput, the tiled dask path against one eager pass, and peak memory as the region grows.

    .venv/bin/python benchmarks/embed.py                    # small preset, 512 x 512 region, memory at 1x/4x/16x
    .venv/bin/python benchmarks/embed.py --preset tiny --size 256

The stack is synthetic but shaped like the sample scene (`scene.SceneConfig`): a year of Sentinel-2 every 5 days,
Sentinel-1 every 12 days (alternating passes), Landsat every 16 days, ~30% of optical pixels clouded. Throughput:
one eager pass over the in-memory stack against the dask path over the same stack in chunks. Memory: the stack is
generated lazily chunk by chunk (the input never sits in memory) and streamed to a zarr store with `embed_to_zarr`,
in a fresh subprocess per region size; peak memory is VmHWM (ru_maxrss on other systems).
On a 2-core CPU the `small` preset embeds about 1-3 tiles a second, so the default run takes several minutes;
`--size 192` gives a quicker one.
"""
import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dask
import dask.array as da
import jax
import numpy as np
import xarray as xr

from alphaearth_nb.embed import embed, embed_to_zarr, tiling
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.sources import get_source

EVERY = {"sentinel2": 5, "sentinel2_l1c": 5, "sentinel1": 12, "landsat": 16, "landsat_toa": 16, "ndvi": 5}
LEVEL = {"log1p": (1500.0, 600.0), "db": (-12.0, 3.0), "none": (0.5, 0.2)}  # physical mean, std per transform


def _transforms(src):
    t = src.transform
    return (t,) * len(src.bands) if isinstance(t, str) else tuple(t)


def synthetic_stack(size, sources, chunk, seed=0, year=2024):
    "A lazy (dask) stack of `size` x `size` pixels with a year of frames per source, like the sample scene."
    rng = da.random.default_rng(seed)
    y = 5_000_000 - 10.0 * np.arange(size) - 5
    x = 400_000 + 10.0 * np.arange(size) + 5
    tree = {}
    for name in sources:
        src = get_source(name)
        every = 10_000 if src.static else EVERY.get(name, 10)
        t = np.arange(np.datetime64(f"{year}-01-03"), np.datetime64(f"{year + 1}-01-01"), np.timedelta64(every, "D"))[:1 if src.static else None]
        shape, chunks = (len(t), size, size), (len(t), chunk, chunk)
        cloud = rng.random(shape, chunks=chunks) < (0.3 if EVERY.get(name) in (5, 16) else 0.0)
        dv = {}
        for b, tr in zip(src.bands, _transforms(src)):
            mu, sd = LEVEL.get(tr, LEVEL["none"])
            dv[b] = (("time", "y", "x"), da.where(cloud, np.nan, rng.normal(mu, sd, shape, chunks=chunks)).astype(np.float32))
        meta = {m: ("time", (np.arange(len(t)) % 2).astype(np.float32)) for m in src.meta}
        tree[name] = xr.Dataset(dv, coords={"time": t.astype("datetime64[ns]"), "y": y, "x": x, **meta}, attrs={"crs": "EPSG:32631"})
    return xr.DataTree.from_dict(tree)


def make_model(name):
    return AlphaEarth(preset(name), key=jax.random.key(0))


def memory_run(preset_name, size, chunk):
    "One subprocess: stream the embedding of a `size`^2 region to zarr; print peak RSS in MiB."
    model = make_model(preset_name)
    stack = synthetic_stack(size, model.cfg.inputs, chunk)
    with tempfile.TemporaryDirectory() as d, dask.config.set(scheduler="threads", num_workers=2):
        t0 = time.perf_counter()
        embed_to_zarr(stack, model, 2024, Path(d) / "e.zarr", progress=False, chunks=chunk)
        dt = time.perf_counter() - t0
    print(f"MEM {size} {peak_rss_mib():.0f} {dt:.1f}")


def peak_rss_mib():
    "Peak resident memory of this process in MiB: VmHWM (reset by exec, unlike ru_maxrss, which a child inherits)."
    try:
        line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="small")
    ap.add_argument("--size", type=int, default=512, help="side of the throughput region in pixels")
    ap.add_argument("--mem-base", type=int, default=None, help="side of the 1x memory region (default: 2 x 2 chunks)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--mem-preset", default=None, help="preset of the memory runs (default: --preset)")
    ap.add_argument("--_mem", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    model = None
    if a._mem is None:
        model = make_model(a.preset)
        L = model.cfg.stp.patch
    else:
        L = preset(a.preset).stp.patch
    mem_preset = a.mem_preset or a.preset
    tl = tiling(L)
    chunk = 4 * tl.core      # throughput: dask chunks of 4 x 4 tiles, two full batches of 8 per chunk
    mem_chunk = 2 * tl.core  # memory: chunks of 2 x 2 tiles, written two at a time (`embed_to_zarr`'s default)
    if a._mem is not None:
        return memory_run(a.preset, a._mem, mem_chunk)

    n_par = sum(p.size for p in jax.tree.leaves(model) if hasattr(p, "size"))
    print(f"preset {a.preset}: L={L}, core {tl.core} + margin {tl.margin}, {n_par / 1e6:.2f} M parameters, "
          f"inputs {model.cfg.inputs}, batch {a.batch}, {jax.devices()[0].platform}")
    stack = synthetic_stack(a.size, model.cfg.inputs, chunk)
    frames = {s: stack[s].sizes["time"] for s in model.cfg.inputs}
    eager_stack = stack.compute()
    embed(eager_stack.isel(y=slice(0, tl.core), x=slice(0, tl.core)), model, 2024, progress=False, batch_size=a.batch)  # compile

    t0 = time.perf_counter()
    e = embed(eager_stack, model, 2024, progress=False, batch_size=a.batch)
    t_eager = time.perf_counter() - t0
    lazy = embed(eager_stack.chunk({"y": chunk, "x": chunk}), model, 2024, batch_size=a.batch)  # same input, in chunks
    t0 = time.perf_counter()
    with dask.config.set(scheduler="threads", num_workers=2):
        z = lazy.compute()
    t_dask = time.perf_counter() - t0
    px = a.size * a.size
    n_tiles = (-(-a.size // tl.core)) ** 2
    print(f"region {a.size} x {a.size} ({px} px, {n_tiles} tiles), frames per source {frames}")
    print(f"eager : {t_eager:7.2f} s  {px / t_eager:9.0f} px/s")
    print(f"dask  : {t_dask:7.2f} s  {px / t_dask:9.0f} px/s  (the same stack in {chunk} px chunks, 2 threads)")
    print(f"dask / eager time ratio: {t_dask / t_eager:.2f}; max |dask - eager| = {float(np.nanmax(np.abs(z.values - e.values))):.2e}")

    base = a.mem_base or 2 * mem_chunk
    rss = {}
    for k in (1, 2, 4):
        out = subprocess.run([sys.executable, __file__, "--preset", mem_preset, "--_mem", str(base * k)],
                             capture_output=True, text=True, check=True).stdout  # a fresh process: its own peak
        _, size, mib, dt = next(l for l in out.splitlines() if l.startswith("MEM")).split()
        rss[k * k] = float(mib)
        print(f"{mem_preset}, dask -> zarr, {k * k:2d}x area ({base * k} x {base * k} px, chunks {mem_chunk}): peak RSS {float(mib):7.0f} MiB"
              f" in {float(dt):6.1f} s", flush=True)
    print(f"peak memory ratio 16x / 1x area: {rss[16] / rss[1]:.2f} (must stay <= 1.5)")


if __name__ == "__main__":
    main()
