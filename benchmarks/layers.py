"""The model's layer kernels (nn.py) against the formulations they replaced, side by side in one process.

    .venv/bin/python benchmarks/layers.py [--rounds 5] [--reps 50] [--step]

Each layer runs forward and backward (`jax.vjp`) at the `tiny` preset's shapes, vmapped over the 4 examples of a
batch of 2 (teacher and student), compiled with the training step's XLA options (`core.compiler_options(step=True)`).
Variants run in interleaved rounds; the median process CPU time per call (less sensitive to other processes than wall
time) and wall time are printed with the ratio to the first variant and the load average. With `--step`, the whole
training step (batch 2, `--preset`) also runs with nn.py as it is against nn.py with the old formulations patched
in (`BEFORE`; session 11: depthwise3's kernel gradient as nine separate sums; session 10's was
`{"DW_CHUNK_BYTES": 1 << 62}`, conv3's weight gradient in one piece), again
interleaved, printing CPU and wall ratios per round. Figures only: nothing is asserted.

Session 9's patches (Dense differentiated by JAX, depthwise outputs not materialised, bilinear as the einsum) are the
`{"_affine": _dense_plain, "_depthwise": _dw_unkept, "_bilinear_taps": nn._bilinear_einsum}` of `BEFORE`'s history.
"""
import argparse
import os
import statistics
import time

import equinox as eqx
import jax
import jax.numpy as jnp

from alphaearth_nb import nn
from alphaearth_nb.core import compiler_options

OPTS = compiler_options(step=True)


def ab(variants: dict, args: tuple, rounds: int, reps: int, label: str):
    "Interleaved rounds of jitted `variants` (name -> fn(*args)); print median CPU and wall microseconds per call."
    fs = {k: jax.jit(v, compiler_options=OPTS) for k, v in variants.items()}
    for f in fs.values(): jax.block_until_ready(f(*args))
    cpu, wall = {k: [] for k in fs}, {k: [] for k in fs}
    for _ in range(rounds):
        for k, f in fs.items():
            jax.block_until_ready(f(*args))
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(reps): out = f(*args)
            jax.block_until_ready(out)
            cpu[k].append((time.process_time() - c0) / reps * 1e6); wall[k].append((time.perf_counter() - t0) / reps * 1e6)
    c0 = statistics.median(cpu[next(iter(fs))])
    for k in fs:
        c, w = statistics.median(cpu[k]), statistics.median(wall[k])
        print(f"{label:28s} {k:10s} CPU {c:8.1f} us  wall {w:8.1f} us  CPU ratio {c / c0:.2f}  load {os.getloadavg()[0]:.1f}")


def vjp_of(f, n_in: int):
    "fn(*inputs, g) -> (output, input cotangents) of f vmapped over its first input's leading axis."
    def run(*a):
        y, back = jax.vjp(lambda *p: jax.vmap(lambda x: f(x, *p[1:]))(p[0]), *a[:n_in])
        return y, back(a[n_in])
    return run


def _dense_plain(x, w, b): return x @ w + b
def _dense_nn(x, w, b): return nn._affine(x, w, b)


@jax.custom_vjp
def _dw_unkept(x, w):
    "depthwise3 as before: the same backward pass, its outputs not materialised (`nn.computed_once` left out)."
    return nn._shift3(x, w)
_dw_unkept.defvjp(lambda x, w: (nn._shift3(x, w), (x, w)),
                  lambda r, g: (nn._shift3(g, jnp.flip(r[1], (0, 1))), nn._depthwise_bwd(r, g)[1]))


def layers(rounds: int, reps: int):
    key = iter(jax.random.split(jax.random.PRNGKey(0), 64))
    rnd = lambda *s: jax.random.normal(next(key), s, jnp.float32)
    for shape, o in (((8, 16, 16, 16), 64), ((8, 16, 16, 64), 16), ((8, 16, 32), 96), ((8, 4, 4, 32), 16)):
        i = shape[-1]
        a = (rnd(4, *shape), rnd(i, o) / i**0.5, rnd(o), rnd(4, *shape[:-1], o))
        ab({"autodiff": vjp_of(_dense_plain, 3), "nn": vjp_of(_dense_nn, 3)}, a, rounds, reps,
           f"Dense {'x'.join(map(str, shape))}->{o}")
    for shape in ((8, 16, 16, 16), (8, 4, 4, 32)):
        c = shape[-1]
        a = (rnd(4, *shape), rnd(3, 3, c), rnd(4, *shape))
        norm = nn.Norm(c)  # the consumer that recomputed unmaterialised outputs in the step
        ab({"unkept": vjp_of(lambda x, w: norm(x + _dw_unkept(x, w)), 2),
            "nn": vjp_of(lambda x, w: norm(x + nn.depthwise3(x, w, jnp.zeros(c))), 2)}, a, rounds, reps,
           f"depthwise3+Norm {'x'.join(map(str, shape))}")
    for shape, f in (((8, 8, 8, 64), 2), ((8, 4, 4, 32), 4), ((4, 16, 16, 32), 2)):
        a = (rnd(4, *shape), rnd(4, shape[0], shape[1] * f, shape[2] * f, shape[3]))
        ab({"einsum": vjp_of(lambda x: nn._bilinear_einsum(x, f), 1), "nn": vjp_of(lambda x: nn.bilinear(x, f), 1)},
           a, rounds, reps, f"bilinear {'x'.join(map(str, shape))} by {f}")


# depthwise3's kernel gradient as before session 11 everywhere: nine separate sums (nn keeps it above 16 channels)
BEFORE = {"_tap_sums": nn._shifted_sums}  # nn attributes looked up at trace time -> the old value


def step(rounds: int, preset_name: str = "tiny"):
    "The training step with nn.py as it is ('nn') and with the old formulations (`BEFORE`) patched in ('before')."
    from alphaearth_nb import losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
    tcfg = TrainConfig(steps=1000, warmup=10, batch_size=2)
    opt = make_optimizer(tcfg)
    state = init_state(apply_policy(model, tcfg), opt)
    runs, grads = {}, {}
    for name in ("nn", "before"):
        saved = {k: getattr(nn, k) for k in BEFORE}
        if name == "before":
            for k, f in BEFORE.items(): setattr(nn, k, f)
        fn = make_train_step(losses.total_loss, opt)
        box = [jax.tree.map(lambda v: v.copy() if hasattr(v, "copy") else v, state)]
        def run(fn=fn, box=box):
            box[0], loss, _ = fn(box[0], batch)
            return float(loss)
        losses_ = [run() for _ in range(3)]  # traced and compiled here, with the patch in place
        print(f"step {name}: losses of 3 steps {losses_}")
        key = jax.random.PRNGKey(1)
        with nn.traced_for(jax.default_backend()):  # the step's gradients at the initial parameters
            g = eqx.filter_jit(eqx.filter_grad(lambda m: losses.total_loss(m, batch, key)[0]))(state.model)
        grads[name] = jax.tree.leaves(g)
        for k, f in saved.items(): setattr(nn, k, f)
        runs[name] = run
    diff = max(float(jnp.max(jnp.abs(a - b)) / (jnp.max(jnp.abs(b)) + 1e-30)) for a, b in zip(*grads.values()))
    print(f"gradients (initial parameters): largest difference relative to the leaf's largest value {diff:.2e}")
    cpu, wall = {k: [] for k in runs}, {k: [] for k in runs}
    for r in range(rounds):
        for k, run in runs.items():
            run()
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(5): run()
            cpu[k].append((time.process_time() - c0) / 5 * 1e3); wall[k].append((time.perf_counter() - t0) / 5 * 1e3)
        print(f"  round {r}: before/nn CPU {cpu['before'][-1] / cpu['nn'][-1]:.3f} wall {wall['before'][-1] / wall['nn'][-1]:.3f}"
              f"; load {os.getloadavg()[0]:.1f}")
    c, w = ({k: statistics.median(v) for k, v in d.items()} for d in (cpu, wall))
    rc = statistics.median(b / a for a, b in zip(cpu["nn"], cpu["before"]))
    rw = statistics.median(b / a for a, b in zip(wall["nn"], wall["before"]))
    print(f"{preset_name} step, batch 2: nn CPU {c['nn']:.1f} ms wall {w['nn']:.1f} ms; before CPU {c['before']:.1f} ms "
          f"wall {w['before']:.1f} ms; before/nn median of {rounds} rounds' ratios: CPU {rc:.3f}, wall {rw:.3f}; "
          f"load {os.getloadavg()[0]:.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--reps", type=int, default=50)
    ap.add_argument("--step", action="store_true", help="also the whole training step, nn.py against before")
    ap.add_argument("--preset", default="tiny", help="the model preset of --step")
    ap.add_argument("--only-step", action="store_true", help="--step without the layer benchmarks")
    args = ap.parse_args(argv)
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores, XLA options {OPTS}; load average {os.getloadavg()[0]:.1f}")
    if not args.only_step: layers(args.rounds, args.reps)
    if args.step or args.only_step: step(max(args.rounds, 5), args.preset)


if __name__ == "__main__":
    main()
