"""The parts of `benchmarks/device.sh`: what one accelerator does with this package. Each prints ratio lines.

    python benchmarks/device.py step  [--dry]   # lite training step, bf16 + remat, the largest batch that fits
    python benchmarks/device.py knn   [--dry]   # exact kNN on the device against a float64 NumPy brute force
    python benchmarks/device.py embed [--dry]   # lite embedding px/s and share of the matmul rate

`--dry` runs the same code on tiny sizes (the `tiny` preset, a few thousand vectors), so the script can be checked on
a CPU in a minute or two. Peak FLOP/s per chip (dense bf16, vendor data sheets): H100/H200 SXM 989e12, A100 312e12,
L4 121e12, TPU v4 275e12, v5e 197e12, v5p 459e12, v6e 918e12; the matmul rate measured in the same process is
printed beside it. Figures only: nothing here is asserted.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from flops import count_flops, memory_analysis  # noqa: E402

from alphaearth_nb import losses  # noqa: E402
from alphaearth_nb.core import Frames, Target, TrainExample, Texts  # noqa: E402
from alphaearth_nb.runtime import compile_cache, keep_heap  # noqa: E402
from alphaearth_nb.knn import knn_search  # noqa: E402
from alphaearth_nb.model import AlphaEarth, preset  # noqa: E402
from alphaearth_nb.quantize import dequantize, quantize  # noqa: E402
from alphaearth_nb.samples import SAMPLERS  # noqa: E402
from alphaearth_nb.sources import n_meta  # noqa: E402
from alphaearth_nb.train import (TrainConfig, apply_policy, init_state, make_optimizer, make_train_step,  # noqa: E402
                                 train_step)

PEAK_BF16 = {"H200": 989e12, "H100": 989e12, "A100": 312e12, "L4": 121e12, "TPU v4": 275e12, "TPU v5 lite": 197e12,
             "TPU v5e": 197e12, "TPU v5p": 459e12, "TPU v6": 918e12}


def header() -> str:
    d = jax.devices()[0]
    return f"jax {jax.__version__}, {len(jax.devices())} x {d.device_kind} ({d.platform}); load average {os.getloadavg()[0]:.1f}"


def chip_peak() -> float | None:
    kind = jax.devices()[0].device_kind
    return next((v for k, v in PEAK_BF16.items() if k.lower() in kind.lower()), None)


def matmul_rate(n: int, dtype=jnp.bfloat16, reps: int = 5) -> float:
    "FLOP/s of an n x n x n matmul in `dtype`, best of `reps`, in this process."
    a = jax.random.normal(jax.random.key(0), (n, n), dtype)
    f = jax.jit(lambda a: a @ a)
    f(a).block_until_ready()
    best = np.inf
    for _ in range(reps):
        t0 = time.perf_counter(); f(a).block_until_ready(); best = min(best, time.perf_counter() - t0)
    return 2 * n**3 / best


def example(cfg, name: str, batch: int, seed: int = 0) -> TrainExample:
    "A random batch with the preset sampler's frames per source (values ~N(0, 1), every pixel valid)."
    rng = np.random.default_rng(seed)
    frames, n_texts = dict(SAMPLERS[name].frames), SAMPLERS[name].n_texts
    L, b = cfg.patch, (batch,)
    f32 = lambda *s: jnp.asarray(rng.standard_normal(s), jnp.float32)
    days = lambda T: jnp.broadcast_to(jnp.linspace(0.0, 365.0, T, dtype=jnp.float32), b + (T,))
    period = jnp.broadcast_to(jnp.asarray([0.0, 365.0], jnp.float32), b + (2,))
    inputs, targets = {}, {}
    for s in cfg.inputs:
        src, T = cfg.source(s), frames[s]
        C = len(src.bands)
        inputs[s] = Frames(x=f32(*b, T, L, L, C), valid=jnp.ones(b + (T, L, L, C), bool), days=days(T),
                           frame=jnp.ones(b + (T,), bool), meta=jnp.zeros(b + (T, n_meta(src)), jnp.float32))
    for s in cfg.targets:
        src = cfg.source(s)
        C = len(src.bands)
        targets[s] = Target(x=f32(*b, L, L, C), valid=jnp.ones(b + (L, L, C), bool), day=jnp.full(b, 180.0),
                            meta=jnp.zeros(b + (n_meta(src),), jnp.float32), period=period)
    texts = Texts(emb=f32(*b, n_texts, cfg.text_dim), yx=jnp.asarray(rng.uniform(0, L, b + (n_texts, 2)), jnp.float32),
                  valid=jnp.ones(b + (n_texts,), bool), period=period)
    return TrainExample(inputs=inputs, targets=targets, texts=texts, period=period)


def device_bytes() -> int | None:
    stats = jax.devices()[0].memory_stats() or {}
    return stats.get("bytes_limit")


def step_section(dry: bool, batch: int | None = None) -> None:
    "The training step in bf16 with remat at the largest power-of-two batch that fits (or `batch`): time, FLOP/s, peak."
    name = "tiny" if dry else "lite"
    cfg = preset(name)
    print(f"== step: {name}, bf16 + remat; {header()}", flush=True)
    tcfg = TrainConfig(steps=1_000, warmup=10, bf16=True, remat=True)
    opt = make_optimizer(tcfg)
    model = apply_policy(AlphaEarth(cfg, key=jax.random.key(0)), tcfg)
    limit, cap = device_bytes(), 4 if dry else 256
    fit = cap
    if batch:  # given (STEP_BATCH): no estimate, whose compile at batch 1 took as long as the step's (H200: 197 s)
        limit = None
    if limit is not None:  # XLA's plan at batch 1 says how many examples fit (no memory statistics on CPU)
        t0 = time.perf_counter()
        one = make_train_step(losses.total_loss, opt).jitted.lower(example(cfg, name, 1), init_state(model, opt))
        m = memory_analysis(one.compile())
        fixed, temp = m.argument_size_in_bytes + m.output_size_in_bytes, m.temp_size_in_bytes
        fit = max(1, int((0.85 * limit - fixed) // max(temp, 1)))
        print(f"batch 1 compiled in {time.perf_counter() - t0:.0f} s: temporaries {temp / 2**30:.2f} GiB, arguments + "
              f"outputs {fixed / 2**30:.2f} GiB of {limit / 2**30:.0f} GiB: about {fit} examples fit", flush=True)
    batch = batch or 1 << (min(fit, cap).bit_length() - 1)
    while True:
        try:
            step, state, b = make_train_step(losses.total_loss, opt), init_state(model, opt), example(cfg, name, batch)
            t0 = time.perf_counter()
            state, loss, _ = step(state, b); loss.block_until_ready()
            t_first = time.perf_counter() - t0
            print(f"batch {batch}: first step (with compile) {t_first:.0f} s", flush=True)
            ts = []
            for _ in range(3):
                t0 = time.perf_counter(); state, loss, _ = step(state, b); loss.block_until_ready()
                ts.append(time.perf_counter() - t0)
            break
        except Exception as e:  # out of memory: XlaRuntimeError RESOURCE_EXHAUSTED
            if batch == 1 or "RESOURCE_EXHAUSTED" not in str(e) and "out of memory" not in str(e).lower(): raise
            print(f"batch {batch} does not fit ({type(e).__name__}); halving", flush=True)
            batch //= 2
    flops = count_flops(lambda b_, s: train_step(s, b_, losses.total_loss, opt), b, state)
    t = statistics.median(ts)
    peak, mm = chip_peak(), matmul_rate(1024 if dry else 8192)
    print(f"step {name} bf16+remat batch {batch}: median {t * 1e3:.0f} ms (first, with compile, {t_first:.0f} s); "
          f"{flops / 1e12:.2f} TFLOP a step; {flops / t / 1e12:.2f} TFLOP/s = {flops / t / mm:.0%} of the bf16 matmul "
          f"rate here ({mm / 1e12:.1f} TFLOP/s)" + ("" if peak is None else f", {flops / t / peak:.0%} of the chip's peak "
          f"({peak / 1e12:.0f} TFLOP/s)") + f"; loss {float(loss):.3f}; {batch / t:.1f} examples/s")


def near_ties(n: int, seed: int = 0) -> np.ndarray:
    "Quantised unit vectors with exact duplicates and one-int8-step neighbours (field case D1's kind), shuffled."
    rng = np.random.default_rng(seed)
    v = rng.standard_normal((n // 2, 64)).astype(np.float32)
    v = dequantize(quantize(v / np.linalg.norm(v, axis=1, keepdims=True)))
    q = quantize(v).astype(np.int16)
    j, r = np.abs(v).argmin(1), np.arange(len(v))
    q[r, j] += np.where(q[r, j] < 127, 1, -1)
    x = np.concatenate([v, dequantize(q.astype(np.int8))])[: n - n // 8]
    x = np.concatenate([x, x[rng.integers(0, len(x), n - len(x))]])  # exact duplicates
    return x[rng.permutation(n)]


def knn_section(dry: bool, queries: int | None = None, train_n: int | None = None) -> None:
    "Exact kNN on the device: time against the distance products alone, neighbours that differ from float64."
    from probe import matmul_only
    n_train, n_query, n_check = (4_000, 8_192, 512) if dry else (50_000, 262_144, 2_000)
    n_train, n_query = train_n or n_train, queries or n_query
    print(f"== knn: {n_query:,} queries x {n_train:,} training vectors (quantised, duplicates, one-step neighbours); "
          f"{header()}", flush=True)
    train = near_ties(n_train, 1)
    query = np.concatenate([train[: n_query // 4], near_ties(n_query - n_query // 4, 2)])  # a quarter are copies
    for k in (1, 3):
        t0 = time.perf_counter(); knn_search(train, query[:4096], k)  # compile
        print(f"knn k={k}: first call on 4,096 queries (with compile) {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter(); d, i = knn_search(train, query, k); t = time.perf_counter() - t0
        matmul_only(train, query[:4096])
        t0 = time.perf_counter(); matmul_only(train, query); t_mm = time.perf_counter() - t0
        t64 = train.astype(np.float64)
        diff = 0
        for s in range(0, n_check, 256):
            dd = ((query[s:s + 256, None].astype(np.float64) - t64[None]) ** 2).sum(-1)
            diff += int((np.argsort(dd, 1, kind="stable")[:, :k] != i[s:s + 256]).sum())
        print(f"knn k={k}: {t:.2f} s = {n_query / t:,.0f} queries/s; distance products alone {t_mm:.2f} s "
              f"(ratio {t_mm / t:.2f}, goal >= 0.5); {diff} of {n_check * k:,} neighbours differ from float64 NumPy")


def embed_section(dry: bool, size: int | None = None) -> None:
    "lite (tiny with --dry) embedding px/s and share of the matmul rate (embed.py's throughput)."
    import embed as bench_embed
    name = "tiny" if dry else "lite"
    print(f"== embed: {name}; {header()}", flush=True)
    peak = matmul_rate(1024 if dry else 8192, jnp.float32)
    size = size or (48 if dry else 384)
    bench_embed.throughput(name, size, 8 if dry else 16, 6 if dry else 1, peak, dask_too=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("part", choices=("step", "knn", "embed"))
    ap.add_argument("--dry", action="store_true", help="tiny sizes, for a CPU check of the script")
    ap.add_argument("--batch", type=int, help="step: this batch, no memory estimate (its compile costs a step's)")
    ap.add_argument("--queries", type=int, help="knn: number of queries (default 262,144; --dry 8,192)")
    ap.add_argument("--train", type=int, help="knn: number of training vectors (default 50,000; --dry 4,000)")
    ap.add_argument("--size", type=int, help="embed: region side in pixels (default 384; --dry 48)")
    a = ap.parse_args(argv)
    keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    compile_cache()  # a second run on the same machine skips the compiles (AEF_COMPILE_CACHE=0: off)
    if a.part == "step": step_section(a.dry, a.batch)
    elif a.part == "knn": knn_section(a.dry, a.queries, a.train)
    else: embed_section(a.dry, a.size)


if __name__ == "__main__":
    main()
