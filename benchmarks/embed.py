"""Benchmark `embed`: px/s and share of the matmul rate per preset, tiling overhead, dask path, peak memory.

    .venv/bin/python benchmarks/embed.py                          # small, 192 x 192 px; memory at 1x/4x/16x area
    .venv/bin/python benchmarks/embed.py --presets small,lite      # lite too (on CPU: sparse frames, one tile core)
    .venv/bin/python benchmarks/embed.py --skip-memory --skip-dask # throughput lines only
    .venv/bin/python benchmarks/embed.py --devices 2 --skip-memory # 2 XLA host devices (set before JAX starts)
    .venv/bin/python benchmarks/embed.py --devices 2 --interleave 3 --dask-threads 1,2  # 2 devices vs the first alone

The stack is synthetic but shaped like the sample scene (`scene.SceneConfig`): a year of Sentinel-2 every 5 days,
Sentinel-1 every 12 days (alternating passes), Landsat every 16 days, ~30% of optical pixels clouded (`--every`
multiplies the spacing; lite on CPU defaults to 6x, ~1/6 of the frames, since one lite tile of a full year is
~17 TFLOP). Per preset, side by side in this process after a compile run:
- px/s of `embed` over the region (eager), and the FLOP/s of its model calls run back to back after it (the same
  count, on one of its batches; FLOPs counted from the jaxpr of one batch, flops.py) as a share of a dense float32
  matmul measured here;
- tiling overhead, as issue 16 means it (goal <= 1.10): what `embed`'s tiling costs against the model run once
  over the same pixels, i.e. the tiles the paper's design computes (one L^2 tile per core^2 with data) at the
  measured per-tile time of its model calls run back to back: the time spent in `embed.tile_sums` (cutting tiles,
  padded batches, tiles beyond the design, waiting on the device, blending) over that. The per-pixel work any one
  pass needs (checking and normalising the stack, padding, the unit vectors, xarray) is reported beside it, not
  counted. The paper's overlap itself, (L / core)^2 = 1.78 model pixels per region pixel away from the region's
  edges, is the design, not an overhead: the whole of `embed` against one pass over the region's own pixels (region
  / L^2 tiles) is printed too, as that factor times the rest. The best of `--repeat` alternations of embed and its
  model calls, since other processes' load varies between them. As that ratio compares two runs at different
  moments, the host's share is also measured alone, with the model calls stubbed (zeros of their shape): the
  tiling's host work over the model time, a figure the other processes' load hardly moves;
- the dask path over the same stack in chunks (2 threads), and peak memory of `embed_to_zarr` as the region grows
  (a fresh subprocess per size; VmHWM, ru_maxrss elsewhere). Figures only: nothing here is asserted.
The heap is kept (runtime.keep_heap, before JAX runs) as `aef embed` does, in the memory runs' fresh processes too;
AEF_KEEP_HEAP=0 gives glibc's defaults (the header says which). Figures below this paragraph from before session 21
were taken with glibc's defaults. Session 21 (`--presets tiny --size 96 --skip-memory --skip-dask --repeat 2`, fresh
processes alternating AEF_KEEP_HEAP=0 / default, load 3.6-6.9): 4,514 / 4,130 then 4,343 / 4,712 px/s (noise at this size);
the whole process's minor page faults 472,069 / 318,996 then 476,039 / 351,149 (/usr/bin/time %R); CPU 29.7 / 27.9 then
27.6 / 27.7 s.
`--devices N` gives JAX's CPU N host devices before it starts (embed splits each call's tiles over all local
devices); `--interleave R` times embed over all of them against the first alone, alternating in one process.

Measured (session 13, 2 cores shared with two other sessions' benchmarks, `small`, 192 x 192 px, batch 8):
- one run each, `--skip-memory --dask-threads 1,2` (load 4.2-5.2): 1 device 2,062 px/s (first call 36.0 s),
  tiling overhead 1.17x, dask 1 thread 2,014 px/s, 2 threads 1,725; 2 devices 3,117 px/s (first call 28.5 s),
  tiling overhead 0.71x (the model calls timed back to back ran slower than inside embed), dask 1,879 / 2,139;
- `--devices 2 --interleave 3 --dask-threads 1,2` (load 5.2-6.2): eager 2 devices 1,540 px/s against 1 device
  1,629 (wall 1.06x, CPU 1.07x); dask 1 thread wall 1.05x, CPU 1.02x; 2 threads wall 0.96x, CPU 0.99x;
- fresh processes taking turns (3 rounds, load 5.8-7.6; old = main before the split, 1 device): second call
  old / new 1 device / new 2 devices wall 21.0 / 21.4 / 20.0 s, CPU 14.2 / 14.0 / 13.5 s; first call wall
  34.7 / 37.7 / 46.9 s, CPU 23.3 / 25.3 / 30.1 s (the partitioned program compiles longer).
- `--devices 2 --interleave 3 --skip-dask` again as the load fell (load 3.0 at the start, 4.7 at the end): eager
  2 devices 1,796 px/s, 1 device 1,817 (wall 1.01x, CPU 1.06x);
- `lite` on one device, one 96 x 96 px tile core (one L = 128 tile, batch 1), frames every 24x the scene's spacing,
  a fresh process (load 4.4-5.1): first call 66.4 s (57.1 CPU s), the next 52.5 s (54.1 CPU s) = 175 px/s. Its 2 x 2
  cores on 2 devices against 1 (`--presets lite --every 24 --interleave 1`) did not finish in 20 minutes.
At load 3-7 the second core is taken by other processes, so the split gains nothing measurable (and costs about
6% more CPU). Near idle it pays:
- `--devices 2 --interleave 2 --skip-dask` (load 1.5-1.7): eager 2 devices 4,356 px/s, 1 device 2,845 (wall 0.65x,
  CPU 0.91x); `--devices 2 --interleave 2 --dask-threads 1,2` (load 1.6-1.8): eager 4,453 against 2,596 px/s (wall
  0.58x, CPU 0.90x), dask 1 thread 3,503 against 2,803 (wall 0.80x, CPU 1.01x), dask 2 threads 4,174 against 3,939
  (wall 0.94x, CPU 0.94x): dask's threads already use both cores and the devices do not fight them;
- fresh processes taking turns (2 rounds, load 1.3-1.6), 2 devices against 1: second call 8.12 against 11.91 s (wall
  0.68x, CPU 14.5 against 15.8 s, 0.92x), first call 16.95 against 20.38 s (wall 0.83x, CPU 0.97x).
- `--devices 2` then `--devices 1`, `--skip-memory --skip-dask` (load 1.1-1.8): 2 devices 4,544 px/s (first call
  15.8 s), model calls 61.2 GFLOP/s = 33% of the matmul rate (185 GFLOP/s), tiling overhead 1.04x, host side 3.7%;
  1 device 3,193 px/s (first call 21.6 s), 41.3 GFLOP/s = 25% (167 GFLOP/s), tiling overhead 1.01x, host side 1.8%.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path


def _host_devices(argv) -> None:
    "`--devices N`: N XLA host (CPU) devices, set in `XLA_FLAGS` before JAX starts (embed splits its batches over them)."
    if "--devices" in argv:
        n = int(argv[argv.index("--devices") + 1])
        os.environ["XLA_FLAGS"] = f"{os.environ.get('XLA_FLAGS', '')} --xla_force_host_platform_device_count={n}"


_host_devices(sys.argv)  # before JAX is imported: its CPU backend reads the flag when it starts

from alphaearth_nb import runtime  # noqa: E402  before dask and xarray (their pandas starts pyarrow's jemalloc thread,
import dask  # noqa: E402                          which keeps runtime.keep_heap from keeping the heap)
import dask.array as da  # noqa: E402
import equinox as eqx  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import xarray as xr  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from flops import count_flops  # noqa: E402

import alphaearth_nb.embed as embed_module  # noqa: E402
from alphaearth_nb.embed import embed, embed_to_zarr, tiling  # noqa: E402
from alphaearth_nb.model import AlphaEarth, preset  # noqa: E402
from alphaearth_nb.sources import get_source  # noqa: E402

EVERY = {"sentinel2": 5, "sentinel2_l1c": 5, "sentinel1": 12, "landsat": 16, "landsat_toa": 16, "ndvi": 5}
LEVEL = {"log1p": (1500.0, 600.0), "db": (-12.0, 3.0)}  # physical mean, std per transform (others: the source's)


def _transforms(src):
    t = src.transform
    return (t,) * len(src.bands) if isinstance(t, str) else tuple(t)


def synthetic_stack(size, sources, chunk, seed=0, year=2024, every=1):
    "A lazy (dask) stack of `size` x `size` pixels with a year of frames per source (spacing x `every`)."
    rng = da.random.default_rng(seed)
    y = 5_000_000 - 10.0 * np.arange(size) - 5
    x = 400_000 + 10.0 * np.arange(size) + 5
    tree = {}
    for name in sources:
        src = get_source(name)
        every_ = 10_000 if src.static else EVERY.get(name, 10) * every
        t = np.arange(np.datetime64(f"{year}-01-03"), np.datetime64(f"{year + 1}-01-01"), np.timedelta64(every_, "D"))[:1 if src.static else None]
        shape, chunks = (len(t), size, size), (len(t), chunk, chunk)
        cloud = rng.random(shape, chunks=chunks) < (0.3 if EVERY.get(name) in (5, 16) else 0.0)
        dv = {}
        for i, (b, tr) in enumerate(zip(src.bands, _transforms(src))):
            mu, sd = LEVEL.get(tr) or (src.mean[i], src.std[i])  # e.g. thermal bands in K
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


def matmul_rate(n: int = 2048, reps: int = 5) -> float:
    "FLOP/s of a dense float32 n x n matmul in this process (best of `reps`)."
    a = jax.random.normal(jax.random.key(0), (n, n), jnp.float32)
    f = jax.jit(lambda a: a @ a)
    f(a).block_until_ready()
    best = min(timed(lambda: f(a).block_until_ready()) for _ in range(reps))
    return 2 * n**3 / best


def timed(fn) -> float:
    t0 = time.perf_counter(); fn(); return time.perf_counter() - t0


class TileTimer:
    "Wraps `embed.tile_sums` (cutting, the batches' device calls, blending): the wall and CPU seconds spent in it " \
    "(the process's CPU: XLA:CPU's threads included)."
    def __init__(self):
        self.inner, self.seconds, self.cpu = embed_module.tile_sums, 0.0, 0.0

    def __call__(self, *args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        try: return self.inner(*args, **kwargs)
        finally: self.seconds, self.cpu = self.seconds + time.perf_counter() - t0, self.cpu + time.process_time() - c0

    def __enter__(self):
        embed_module.tile_sums = self
        return self

    def __exit__(self, *exc):
        embed_module.tile_sums = self.inner


class ModelCalls:
    "Wraps `embed`'s batch call (`embed._embed_batch`): counts calls and tiles, keeps one batch's inputs; never waits."
    def __init__(self):
        self.inner, self.calls, self.tiles, self.example = embed_module._embed_batch, 0, 0, None

    def __call__(self, model, inputs, period):
        self.calls += 1
        self.tiles += next(iter(inputs.values())).x.shape[0]
        if self.example is None: self.example = (inputs, period)
        return self.inner(model, inputs, period)  # asynchronous, as embed sees it

    def __enter__(self):
        embed_module._embed_batch = self
        return self

    def __exit__(self, *exc):
        embed_module._embed_batch = self.inner


def throughput(name: str, size: int, batch: int, every: int, peak: float, dask_too: bool, repeat: int = 1,
               dask_threads=(2,)) -> None:
    "Embed a `size`^2 region with preset `name`: px/s, share of the matmul rate, tiling overhead (and dask); the best "
    "of `repeat` alternations of embed and its model calls (other processes' load varies between them)."
    model = make_model(name)
    tl = tiling(model.cfg.patch)
    chunk = 4 * tl.core
    stack = synthetic_stack(size, model.cfg.inputs, chunk, every=every)
    eager = stack.compute()
    frames = {s: eager[s].sizes["time"] for s in model.cfg.inputs}
    n_par = sum(p.size for p in jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array)))
    print(f"\n== {name}: L={tl.patch}, core {tl.core} + margin {tl.margin}, {n_par / 1e6:.2f} M parameters, batch {batch}, "
          f"region {size} x {size} px, frames {frames} (load average {os.getloadavg()[0]:.1f}) ==", flush=True)
    t_compile = timed(lambda: embed(eager, model, 2024, progress=False, batch_size=batch))
    print(f"{name} first embed call (with compile): {t_compile:.1f} s", flush=True)  # shown if the run is cut after
    t_embed = t_model = c_tiles = c_model = float("inf")
    for _ in range(repeat):
        with ModelCalls() as calls, TileTimer() as tiles:
            t = timed(lambda: embed(eager, model, 2024, progress=False, batch_size=batch))
        if t < t_embed: t_embed, t_tiles = t, tiles.seconds
        c_tiles = min(c_tiles, tiles.cpu)
        inputs, period = calls.example
        placed = getattr(embed_module, "_replicated", lambda m, d: m)(model, jax.local_devices())  # once, as embed
        run = lambda: embed_module._embed_batch(placed, inputs, period)  # from host inputs, as embed's calls
        c0 = time.process_time()
        t_model = min(t_model, timed(lambda: jax.block_until_ready([run() for _ in range(calls.calls)])))  # same count
        c_model = min(c_model, time.process_time() - c0)  # CPU seconds: what the other processes' load moves least
    # the host's share of the tiling, load-proof: embed again with the model calls stubbed (zeros of the right shape)
    out = eqx.filter_eval_shape(embed_module._embed_tiles, model, inputs, period)
    stub = lambda model, inputs, period: np.zeros(out.shape, out.dtype)
    embed_module._embed_batch, real = stub, embed_module._embed_batch
    try:
        with TileTimer() as host:
            c0 = time.process_time()
            embed(eager, model, 2024, progress=False, batch_size=batch)
            c_host = time.process_time() - c0
    finally: embed_module._embed_batch = real
    f_batch = count_flops(lambda m, i, p: jax.vmap(lambda x: m(x, p[None])[0])(i), model, inputs, period)
    px, L, nb = size * size, tl.patch, calls.tiles // calls.calls  # nb: the batch as run (a multiple of the devices)
    t_tile = t_model / calls.tiles
    one_pass = px / L**2 * t_tile
    rate = f_batch * calls.calls / t_model
    print(f"{name} embed: {px / t_embed:9.0f} px/s ({t_embed:.2f} s; first call with compile {t_compile:.1f} s); "
          f"model calls {rate / 1e9:.1f} GFLOP/s = {rate / peak:.0%} of the matmul rate ({peak / 1e9:.0f} GFLOP/s); "
          f"{f_batch / (nb * L * L) / 1e6:.1f} MFLOP per patch pixel; batch {nb} over {len(jax.local_devices())} device(s)")
    need = (-(-size // tl.core)) ** 2  # one tile per core: the paper's tiling computes L^2 for each core^2
    design = need * L * L / px
    print(f"{name} tiling overhead: {t_tiles / (need * t_tile):.2f}x (goal <= 1.10) = embed's tiling "
          f"({t_tiles:.2f} s in tile_sums: {calls.tiles} tiles run, {calls.tiles / need:.2f}x the design's {need}, "
          f"padded batches included; cutting, blending) / the model over the design's tiles back to back "
          f"({need * t_tile:.2f} s); per-pixel work beside it (checks, normalising, unit vectors) {t_embed - t_tiles:.2f} s "
          f"= {(t_embed - t_tiles) / t_embed:.0%} of embed; load average {os.getloadavg()[0]:.1f}")
    c_design = need * c_model / calls.tiles  # the model's CPU seconds over the design's tiles
    print(f"{name} tiling overhead in CPU seconds: {c_tiles / c_design:.2f}x (tile_sums {c_tiles:.2f} CPU s / the model "
          f"over the design's tiles {c_design:.2f} CPU s, from {calls.calls} call(s) back to back: the steadier figure on "
          f"a shared machine, where the wall ratio above moves with the load between two runs)")
    print(f"{name} host side alone (model calls stubbed): tile_sums {host.seconds:.2f} s = "
          f"{host.seconds / (need * t_tile):.1%} of the model over the design's tiles; all of embed {c_host:.2f} CPU s")
    print(f"{name} per region pixel: embed / one pass over the region's own pixels ({px} px / {L}^2 at the per-tile "
          f"time) {t_embed / one_pass:.2f}x = {design:.2f}x the pixels by the paper's design (L^2 / core^2 = "
          f"{(L / tl.core) ** 2:.2f} away from the edges) x {t_embed / (need * t_tile):.2f} (the tiling overhead and "
          f"the per-pixel work)")
    if dask_too:
        lazy = embed(eager.chunk({"y": chunk, "x": chunk}), model, 2024, batch_size=batch)
        for threads in dask_threads:
            with dask.config.set(scheduler="threads", num_workers=threads):
                c0, t_dask = time.process_time(), timed(lambda: lazy.compute())
            print(f"{name} dask ({chunk} px chunks, {threads} threads, {len(jax.local_devices())} device(s)): "
                  f"{px / t_dask:9.0f} px/s = {t_embed / t_dask:.2f}x eager ({t_dask:.2f} s, "
                  f"{time.process_time() - c0:.2f} CPU s; load average {os.getloadavg()[0]:.1f})", flush=True)


def interleaved(name: str, size: int, batch: int, every: int, rounds: int, dask_threads=(2,)) -> None:
    "In this process, alternating rounds: `embed` over all local devices against the first device only (embed's "
    "one-device path), eager and over dask: wall and CPU seconds, and their ratios (all / one) by medians."
    model = make_model(name)
    chunk = 4 * tiling(model.cfg.patch).core
    eager = synthetic_stack(size, model.cfg.inputs, chunk, every=every).compute()
    lazy = lambda: embed(eager.chunk({"y": chunk, "x": chunk}), model, 2024, batch_size=batch).compute()
    runs = {"eager": lambda: embed(eager, model, 2024, progress=False, batch_size=batch)}
    runs.update({f"dask{t}": lazy for t in dask_threads})
    all_devices, n = embed_module._devices, len(jax.local_devices())
    sides = {f"{n} devices": all_devices, "1 device": lambda: all_devices()[:1]}
    times = {(k, side): [] for k in runs for side in sides}
    print(f"\n== {name}: region {size} x {size} px, batch {batch}, {rounds} rounds, {n} devices against 1 in this "
          f"process (load average {os.getloadavg()[0]:.1f}) ==", flush=True)
    try:
        for side, devs in sides.items():  # compile both programs first
            embed_module._devices = devs; runs["eager"]()
        for r in range(rounds):
            for k, run in runs.items():
                for side in (list(sides) if r % 2 == 0 else list(sides)[::-1]):
                    embed_module._devices = sides[side]
                    c0, t0 = time.process_time(), time.perf_counter()
                    threads = nullcontext() if k == "eager" else dask.config.set(scheduler="threads",
                                                                                 num_workers=int(k[4:]))
                    with threads: run()
                    times[k, side].append((time.perf_counter() - t0, time.process_time() - c0))
    finally: embed_module._devices = all_devices
    med = lambda v, i: float(np.median([x[i] for x in v]))
    for k in runs:
        (a, va), (b, vb) = ((side, times[k, side]) for side in sides)
        print(f"{name} {k}: {a} {size * size / med(va, 0):7.0f} px/s ({med(va, 0):.2f} s, {med(va, 1):.2f} CPU s), "
              f"{b} {size * size / med(vb, 0):7.0f} px/s ({med(vb, 0):.2f} s, {med(vb, 1):.2f} CPU s): wall "
              f"{med(va, 0) / med(vb, 0):.2f}x, CPU {med(va, 1) / med(vb, 1):.2f}x; load average "
              f"{os.getloadavg()[0]:.1f}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--presets", default=None, help="comma-separated; default 'small' on CPU, 'small,lite' elsewhere")
    ap.add_argument("--preset", default="small", help="preset of the memory runs")
    ap.add_argument("--size", type=int, default=192, help="side of the throughput region (small, tiny) in pixels")
    ap.add_argument("--lite-size", type=int, default=None, help="side of lite's region (default: one tile core)")
    ap.add_argument("--every", type=int, default=None, help="frame spacing multiplier (default 1; lite on CPU: 6)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=None, help="alternations of embed and its model calls, best kept "
                    "(default 2)")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--dask-threads", default="2", help="comma-separated dask thread counts to time (default 2)")
    ap.add_argument("--devices", type=int, default=None, help="XLA host (CPU) devices, set before JAX starts; embed "
                    "splits its batches over all local devices (default: XLA's, one CPU device)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--mem-base", type=int, default=None, help="side of the 1x memory region (default: 2 x 2 chunks)")
    ap.add_argument("--interleave", type=int, default=0, help="rounds of embed over all local devices against the "
                    "first device alone, alternating in this process (with --devices 2 on a CPU); then exit")
    ap.add_argument("--_mem", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    if a._mem is not None:
        return memory_run(a.preset, a._mem, 2 * tiling(preset(a.preset).patch).core)
    cpu = jax.default_backend() == "cpu"
    names = (a.presets or ("small" if cpu else "small,lite")).split(",")
    print(f"jax {jax.__version__} on {jax.devices()[0].platform}, {len(jax.local_devices())} local device(s), "
          f"{os.cpu_count()} CPU cores, heap kept {runtime.KEPT_HEAP} (runtime.keep_heap), load average {os.getloadavg()[0]:.1f}")
    if a.interleave:  # lite: a region of 2 x 2 tile cores, a tile per device a call
        for name in names:
            lite = preset(name).patch >= 128
            interleaved(name, (a.lite_size or 2 * tiling(preset(name).patch).core) if lite else a.size,
                        len(jax.local_devices()) if lite and cpu else a.batch, a.every or (6 if lite and cpu else 1),
                        a.interleave, [] if lite or a.skip_dask else [int(t) for t in a.dask_threads.split(",")])
        return
    peak = matmul_rate()
    for name in names:
        lite = preset(name).patch >= 128
        size = (a.lite_size or tiling(preset(name).patch).core) if lite else a.size
        every = a.every or (6 if lite and cpu else 1)
        throughput(name, size, 1 if lite and cpu else a.batch, every, peak, dask_too=not a.skip_dask and not lite,
                   repeat=a.repeat or 2, dask_threads=[int(t) for t in a.dask_threads.split(",")])
    print(f"matmul rate after: {matmul_rate() / 1e9:.0f} GFLOP/s; load average {os.getloadavg()[0]:.1f}")
    if a.skip_memory: return
    mem_chunk = 2 * tiling(preset(a.preset).patch).core
    base = a.mem_base or 2 * mem_chunk
    rss = {}
    for k in (1, 2, 4):
        out = subprocess.run([sys.executable, __file__, "--preset", a.preset, "--_mem", str(base * k)],
                             capture_output=True, text=True, check=True).stdout  # a fresh process: its own peak
        _, size, mib, dt = next(l for l in out.splitlines() if l.startswith("MEM")).split()
        rss[k * k] = float(mib)
        print(f"{a.preset}, dask -> zarr, {k * k:2d}x area ({base * k} x {base * k} px, chunks {mem_chunk}): peak RSS "
              f"{float(mib):7.0f} MiB in {float(dt):6.1f} s", flush=True)
    print(f"peak memory ratio 16x / 1x area: {rss[16] / rss[1]:.2f} (must stay <= 1.5)")


if __name__ == "__main__":
    main()
