"""The `lite` training step at the paper's scale, lowered and compiled but never run.

    .venv/bin/python benchmarks/paper_scale.py [--no-compile] [--blocks 15] [--remat both|off|on]

One example of 103 frames (65 Sentinel-2, 17 Sentinel-1, 21 Landsat) at L = 128. Prints the parameter count, the FLOPs
of one training step per example (from the jaxpr, with the scanned STP blocks multiplied by their trip count; XLA's
cost analysis, which counts a scanned body once, beside it), the bytes of parameters and Adam state, the activation
(temporary) memory XLA plans with and without rematerialisation (`memory_analysis()` of the compiled step), and what
100,000 steps at batch 256 would take on 512 TPU v4 chips (275 TFLOP/s bf16 each) at 40% utilisation, next to the
paper's 56 hours. Everything is built from shapes (`eqx.filter_eval_shape`): no parameter is allocated.
"""
import argparse
import math
import os
import sys
import time
from pathlib import Path

import equinox as eqx
import jax
import jax.numpy as jnp

sys.path.insert(0, str(Path(__file__).parent))
from flops import count_flops, memory_analysis, xla_flops  # noqa: E402

from alphaearth_nb import losses  # noqa: E402
from alphaearth_nb.core import Frames, Target, TrainExample, Texts  # noqa: E402
from alphaearth_nb.runtime import keep_heap  # noqa: E402
from alphaearth_nb.model import AlphaEarth, preset  # noqa: E402
from alphaearth_nb.samples import SAMPLERS  # noqa: E402
from alphaearth_nb.sources import n_meta  # noqa: E402
from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, train_step  # noqa: E402

GiB = 2**30
S = jax.ShapeDtypeStruct


def example_shapes(cfg, batch: int = 1) -> TrainExample:
    "A shape-only batch for the model's sources: the lite sampler's frames per input, one target frame per target source."
    L, f32, b = cfg.patch, jnp.float32, (batch,)
    frames, n_texts = dict(SAMPLERS["lite"].frames), SAMPLERS["lite"].n_texts
    inputs = {}
    for name in cfg.inputs:
        src, T = cfg.source(name), frames[name]
        C, M = len(src.bands), n_meta(src)
        inputs[name] = Frames(x=S(b + (T, L, L, C), f32), valid=S(b + (T, L, L, C), bool), days=S(b + (T,), f32),
                              frame=S(b + (T,), bool), meta=S(b + (T, M), f32))
    targets = {}
    for name in cfg.targets:
        src = cfg.source(name)
        C, M = len(src.bands), n_meta(src)
        targets[name] = Target(x=S(b + (L, L, C), f32), valid=S(b + (L, L, C), bool), day=S(b, f32),
                               meta=S(b + (M,), f32), period=S(b + (2,), f32))
    texts = Texts(emb=S(b + (n_texts, cfg.text_dim), f32), yx=S(b + (n_texts, 2), f32),
                  valid=S(b + (n_texts,), bool), period=S(b + (2,), f32))
    return TrainExample(inputs=inputs, targets=targets, texts=texts, period=S(b + (2,), f32))


def lower_step(cfg, batch, tcfg, compile_: bool):
    "Shapes of model and state, the step's FLOPs, and (when compiling) its memory analysis and XLA FLOPs."
    model = eqx.filter_eval_shape(AlphaEarth, cfg, key=jax.random.key(0))
    opt = make_optimizer(tcfg)
    state = eqx.filter_eval_shape(init_state, model, opt)
    t0 = time.perf_counter()
    flops = count_flops(lambda b, s: train_step(s, b, losses.total_loss, opt), batch, state)
    t_trace = time.perf_counter() - t0
    mem = fx = None
    t_lower = t_compile = float("nan")
    if compile_:
        # `eqx.filter_jit` takes ShapeDtypeStruct leaves for static values (jax >= 0.9 then fails on the PRNG key), so
        # lower through `jax.jit` with the shape leaves as its only arguments and the rest closed over.
        dyn, static = eqx.partition(state, lambda x: isinstance(x, jax.ShapeDtypeStruct))
        def step(batch, dyn):
            new, loss, aux = train_step(eqx.combine(dyn, static), batch, losses.total_loss, opt)
            return eqx.filter(new, eqx.is_array), loss, aux
        t0 = time.perf_counter(); lowered = jax.jit(step, donate_argnums=1).lower(batch, dyn); t_lower = time.perf_counter() - t0
        t0 = time.perf_counter(); compiled = lowered.compile(); t_compile = time.perf_counter() - t0
        mem, fx = memory_analysis(compiled), xla_flops(compiled)
    return model, state, flops, fx, mem, (t_trace, t_lower, t_compile)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-compile", action="store_true", help="count FLOPs and bytes only (no XLA compile, no memory analysis)")
    ap.add_argument("--blocks", type=int, default=None, help="override the STP depth (paper: 15)")
    ap.add_argument("--remat", choices=("both", "off", "on"), default="both", help="which of the two steps to build")
    args = ap.parse_args(argv)
    keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    over = {} if args.blocks is None else {"blocks": args.blocks}
    cfg = preset("lite", **over)
    frames = dict(SAMPLERS["lite"].frames)
    print(f"jax {jax.__version__} on {jax.devices()[0].platform}, load average {os.getloadavg()[0]:.1f}; lite: L={cfg.patch}, blocks={cfg.stp.blocks}, "
          f"D_S={cfg.stp.d_space}, D_T={cfg.stp.d_time}, D_P={cfg.stp.d_precision}; frames {frames} "
          f"= {sum(frames.values())}")
    batch = example_shapes(cfg)
    tcfg = TrainConfig()  # paper: Adam, 1e-4, 1,000 warm-up, 100,000 steps, batch 256
    results = {}
    for remat in {"both": (False, True), "off": (False,), "on": (True,)}[args.remat]:
        c = preset("lite", remat=remat, **over)
        results[remat] = lower_step(c, batch, tcfg, not args.no_compile)
        t = results[remat][-1]
        print(f"  remat={remat}: traced in {t[0]:.0f} s, lowered in {t[1]:.0f} s, compiled in {t[2]:.0f} s", flush=True)
    model, state, flops, fx, mem, _ = next(iter(results.values()))
    n = sum(math.prod(x.shape) for x in jax.tree.leaves(model)
            if isinstance(x, jax.ShapeDtypeStruct) and jnp.issubdtype(x.dtype, jnp.inexact))
    n_opt = sum(math.prod(x.shape) * jnp.dtype(x.dtype).itemsize for x in jax.tree.leaves(state.opt_state))
    print(f"parameters: {n:,} ({n * 4 / GiB:.2f} GiB float32); Adam state {n_opt / GiB:.2f} GiB")
    print(f"FLOPs per example per training step: {flops / 1e12:.2f} TFLOP (jaxpr count with scan trip counts)"
          + ("" if fx is None else f"; XLA cost analysis {fx / 1e12:.2f} TFLOP (scanned blocks counted once)"))
    for remat, (_, _, f_r, _, m, _) in results.items():
        if m is None: continue
        print(f"memory, remat={remat}: temporaries (activations) {m.temp_size_in_bytes / GiB:.1f} GiB, arguments "
              f"{m.argument_size_in_bytes / GiB:.2f} GiB, outputs {m.output_size_in_bytes / GiB:.2f} GiB, "
              f"aliased {m.alias_size_in_bytes / GiB:.2f} GiB; FLOPs {f_r / 1e12:.2f} TFLOP")
    chips, peak, util, steps, batch_size = 512, 275e12, 0.40, 100_000, 256
    total = flops * batch_size * steps
    hours = total / (chips * peak * util) / 3600
    print(f"100,000 steps x batch 256 = {total:.3g} FLOP; on {chips} TPU v4 at {peak / 1e12:.0f} TFLOP/s x {util:.0%}: "
          f"{hours:.1f} hours (paper: 56 hours)")


if __name__ == "__main__":
    main()
