"""The training step with its parameters packed in one vector across steps, against the package's, in one process.

    .venv/bin/python benchmarks/packed_step.py [--preset tiny] [--rounds 3] [--reps 5] [--order pkg,packed]

Issue 16's lead (a): the package's step ('flat' optimiser layout, train.make_optimizer) already runs Adam on one
vector (`optax.flatten`), but the state keeps the model's ~165 parameter leaves, so the step cuts Adam's update
vector back into leaves and adds them one by one (`eqx.apply_updates`: one LLVM kernel per leaf, session 8's "165
per-leaf adds"). Here the trial keeps the parameters themselves as one vector `theta` from step to step: the model is
`eqx.combine(_unravel(theta), static)` inside the program (XLA fuses the slices into their consumers), the gradient
is taken with respect to `theta` (the transpose of `lax.split` is one concatenate), Adam (the same
`make_optimizer(cfg, 'tree')` transform) updates `theta` directly and the new parameters are ONE add. Both programs
are lowered and compiled here with `runtime.compiler_options(step=True)`, in `--order` (the first pays the process's
first-trace and first-compile costs: run both orders), checked to give the same 3 losses and parameters to the bit,
then called in interleaved rounds. Prints trace + lower and XLA compile (wall and CPU s), the fusion count, the step's
median wall and CPU ms and the ratios packed / package. Figures only: nothing here is asserted.

Measured (session 17, Intel Xeon with AMX, 2 cores shared with four other helpers' tests, load 6.5-9.7; the package
at main 4e912db):
- tiny: 1,339 -> 1,240 fusions; losses and parameters after 3 steps equal to the bit. Order pkg,packed: XLA compile
  CPU 0.946x (14.2 -> 13.4 s), step CPU 0.981x (106.7 -> 104.7 ms, 4 rounds x 5 calls); order packed,pkg: compile
  1.026x, step CPU 0.970x (96.6 -> 93.7 ms). Trace + lower 0.57x / 1.65x: the order, not the layout.
- small: 1,740 -> 1,624 fusions; bit-identical. Order pkg,packed: XLA compile CPU 0.977x (17.0 -> 16.6 s), step CPU
  0.979x (452.9 -> 443.5 ms, 3 rounds x 5); order packed,pkg: compile 0.918x (18.0 -> 16.6 s), step CPU 0.972x
  (452.6 -> 439.9 ms); trace + lower 0.58x / 1.56x (geometric mean 0.95x).
So about 5% of small's XLA compile CPU (~0.9 of 17 CPU s: far from the 20 s goal on its own) and 2-3% of the step's
CPU, consistent in both orders and presets. Not landed: it needs the parameters packed in `TrainState` itself (a
third optimiser/state layout: `fit`, `dist.state_sharding` (FSDP keeps per-leaf), the split step, checkpoints with
old ones still loading, every `state.model` reader), too large a change for the figure in the time left. The
measured ceiling for whoever builds it: the 116 kernels and ~2.5% of the step.
"""
import argparse
import gc
import os
import statistics
import time

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import losses, nn, runtime, samples, scene
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
from alphaearth_nb.step import _ravel, _unravel


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of calls")
    ap.add_argument("--reps", type=int, default=5, help="calls per program per round (after one warm-up call)")
    ap.add_argument("--order", default="pkg,packed", help="which to trace and compile first (it pays the process's "
                    "first-trace costs): 'pkg,packed' or 'packed,pkg'")
    a = ap.parse_args(argv)
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    stack, texts, _ = scene.load_scene()
    cfg_m = preset(a.preset)
    model = AlphaEarth(cfg_m, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg_m, a.preset if a.preset in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
    tcfg = TrainConfig(steps=1_000, warmup=2, batch_size=2)
    opt = make_optimizer(tcfg)  # flat layout: optax.flatten(adam)
    inner = make_optimizer(tcfg, "tree")  # the same Adam, applied to the packed vector directly
    opts = runtime.compiler_options(step=True)
    print(f"preset {a.preset}; options {opts}; heap kept {runtime.KEPT_HEAP}; load {os.getloadavg()[0]:.1f}", flush=True)

    # the package's step
    pkg = make_train_step(losses.total_loss, opt).jitted
    # the packed step
    params, static = eqx.partition(model, eqx.is_inexact_array)
    shapes = jax.tree.map(lambda x: jax.ShapeDtypeStruct(x.shape, x.dtype), params)

    def packed_step(batch, st):  # train.train_step with the parameters as one vector (no FSDP, no bf16 policy)
        theta, ostate, step, key = st
        def objective(th, batch, key):
            m = eqx.combine(_unravel(th, shapes), static)
            with nn.traced_for(jax.default_backend()):  # as make_train_step traces
                loss, aux = losses.total_loss(m, batch, key)
            return loss.astype(jnp.float32), jax.tree.map(lambda v: jnp.asarray(v, jnp.float32), aux)
        k = jax.random.fold_in(key, step)
        (loss, aux), g = jax.value_and_grad(objective, has_aux=True)(theta, batch, k)
        ok = jnp.isfinite(loss) & jnp.isfinite(jnp.sqrt(jnp.sum(jnp.square(g))))
        take = lambda g, s: inner.update(g, s, theta)
        skip = lambda g, s: (jnp.zeros_like(g), s)
        upd, ostate = jax.lax.cond(ok, take, skip, g, ostate)
        return (theta + upd, ostate, step + 1, key), loss, {**aux, "skipped": (~ok).astype(jnp.float32)}
    packed = jax.jit(packed_step, donate_argnums=1, compiler_options=opts)

    def pkg_state(): return init_state(model, opt)
    def packed_state():
        s = init_state(model, opt)
        th = _ravel(eqx.filter(s.model, eqx.is_inexact_array))
        return (th, jax.jit(inner.init)(th), s.step, s.key)

    progs, info = {}, {}
    for name in a.order.split(","):
        st = pkg_state() if name == "pkg" else packed_state()
        fn = pkg if name == "pkg" else packed
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        low = fn.lower(batch, st)
        t1, c1 = time.perf_counter(), time.process_time()
        comp = low.compile()
        t2, c2 = time.perf_counter(), time.process_time()
        text = getattr(comp, "compiled", comp).as_text()
        nf = text.count(" fusion(")
        progs[name] = (comp, [st])
        info[name] = (t1 - t, c1 - c, t2 - t1, c2 - c1, nf)
        print(f"{name}: trace+lower {t1 - t:.1f} s ({c1 - c:.1f} CPU), XLA compile {t2 - t1:.1f} s ({c2 - c1:.1f} CPU); "
              f"{nf} fusions; load {os.getloadavg()[0]:.1f}", flush=True)
    # numerics: 3 steps each from the same start
    res = {}
    for name, (comp, box) in progs.items():
        ls = []
        for i in range(3):
            box[0], loss, aux = comp(batch, box[0]); ls.append(float(loss))
        th = box[0][0] if name == "packed" else _ravel(eqx.filter(box[0].model, eqx.is_inexact_array))
        res[name] = (ls, np.asarray(th))
    if len(res) == 2:
        (l0, p0), (l1, p1) = res.values()
        print(f"losses {l0} vs {l1}; params max abs diff {np.abs(p0 - p1).max():.3g} (equal to the bit: {np.array_equal(p0, p1)})")
    times = {k: [] for k in progs}
    names = list(progs)
    for r in range(a.rounds):
        for k in names[r % len(names):] + names[:r % len(names)]:
            comp, box = progs[k]
            for i in range(a.reps + 1):
                t, c = time.perf_counter(), time.process_time()
                box[0], loss, _ = comp(batch, box[0]); loss.block_until_ready()
                if i: times[k].append((time.perf_counter() - t, time.process_time() - c))
        print(f"round {r}; load {os.getloadavg()[0]:.1f}", flush=True)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    for k, (w, c) in med.items():
        print(f"{k}: step {w * 1e3:.1f} ms wall, {c * 1e3:.1f} CPU ms; ratio to pkg wall {w / med['pkg'][0]:.3f} CPU "
              f"{c / med['pkg'][1]:.3f}; compile CPU ratio {info[k][3] / info['pkg'][3]:.3f}, trace+lower "
              f"{info[k][1] / info['pkg'][1]:.3f}")


if __name__ == "__main__":
    main()
