"""The model's layer kernels (nn.py) against the formulations they replaced, side by side in one process.

    .venv/bin/python benchmarks/layers.py [--rounds 5] [--reps 50] [--step] [--only-step] [--preset tiny]
                                          [--batch 2] [--devices N] [--convs] [--patch FILE]

Each layer runs forward and backward (`jax.vjp`) at the `tiny` preset's shapes, vmapped over the 4 examples of a
batch of 2 (teacher and student), compiled with the training step's XLA options (`runtime.compiler_options(step=True)`).
Variants run in interleaved rounds; the median process CPU time per call (less sensitive to other processes than wall
time) and wall time are printed with the ratio to the first variant and the load average. With `--step`, the whole
training step (`--batch`, default 2; `--preset`) also runs with nn.py as it is against nn.py with the old formulations patched
in (`BEFORE`; session 11: depthwise3's kernel gradient as nine separate sums; session 10's was
`{"DW_CHUNK_BYTES": 1 << 62}`, conv3's weight gradient in one piece), again interleaved, in ABBA rounds (each side
first in half of them: the order's bias cancels), printing CPU and wall ratios per round and how many rounds the new
side won; with `--devices N` over N host CPU devices, data parallel as benchmarks/train_step.py runs it. `--patch
FILE` compares the step against any old attributes instead: FILE is Python that defines `OLD = [(object, attribute,
old value), ...]` (a method of a class in summary.py, runtime.FAST_STEP's old dict, ...) and may change the package
as it runs (the new side); e.g. session 21's XLA option trial:

    from alphaearth_nb import runtime   # where compiler_options reads it
    _orig = dict(runtime.FAST_STEP)
    runtime.FAST_STEP = {**_orig, "xla_cpu_opt_preset": "CPU_OPT_PRESET_FAST_RUNTIME"}
    OLD = [(runtime, "FAST_STEP", _orig)]

Figures only: nothing is asserted.

Also timed: Dense's weight gradient `x.T @ g` as one product (nn) against session 15's trial, a batched product over
chunks of contiguous rows summed over the chunks (`_weight_grad_rows`), alone and in a Dense's forward + backward
(`_dense_rows`). It won alone but lost in the step, so nn keeps one product (figures: benchmarks/NOTES.md#train_step).

With `--convs` (alone): the `small` step's convolution kernels at its shapes (`convs`), each against its alternatives:
conv3's forward against im2col and against a matmul of the same FLOPs, its input and weight gradients, the weight
gradient by `convs.DW_CHUNK_BYTES`, and depthwise3's kernel gradient in five forms.

Latest figures (session 16, `--convs --rounds 4 --reps 10`, load 4.3-6.1): conv3's forward runs at the matmul
rate (im2col 5.3x and 9.0x slower); `DW_CHUNK_BYTES` (768 KiB) is the best chunk; no form of depthwise3's kernel
gradient beat nn's in the step, so nn kept its forms.
History of measurements: benchmarks/NOTES.md#layers
"""
import argparse
import os
import statistics
import time

import equinox as eqx
import jax
import jax.numpy as jnp

from alphaearth_nb import convs as cv, nn   # cv: `convs` is also this script's function below
from alphaearth_nb.runtime import compiler_options, keep_heap



def ab(variants: dict, args: tuple, rounds: int, reps: int, label: str):
    "Interleaved rounds of jitted `variants` (name -> fn(*args)); print median CPU and wall microseconds per call."
    fs = {k: jax.jit(v, compiler_options=compiler_options(step=True)) for k, v in variants.items()}
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


def _weight_grad(x, g): return jax.lax.dot_general(x, g, (((0,), (0,)), ((), ())))  # x.T @ g, as nn's Dense


def _row_chunk(m: int, k: int, n: int, chunk_bytes: int = 1 << 17) -> int:
    "Rows per chunk (session 15's trial): the most of at most `chunk_bytes` of float32 inputs and gradients that split "
    "m into a multiple of 4 chunks, at least 64 and at least 2kn / (k + n) (0: one piece)."
    top, low = min(chunk_bytes // ((k + n) * 4), m // 4), max(64, -(-2 * k * n // (k + n)))
    return next((r for r in range(top, low - 1, -1) if m % (4 * r) == 0), 0)


def _weight_grad_rows(x, g, r):
    "x.T @ g as a batched product over chunks of `r` contiguous rows, summed over the chunks (session 15: dropped)."
    if not r: return _weight_grad(x, g)
    (m, k), n = x.shape, g.shape[1]
    return jax.lax.dot_general(x.reshape(m // r, r, k), g.reshape(m // r, r, n), (((1,), (1,)), ((0,), (0,)))).sum(0)


@jax.custom_vjp
def _affine_rows(x, w, b): return x @ w + b
def _affine_rows_bwd(res, g):
    x, w = res
    x2, g2 = x.reshape(-1, x.shape[-1]), g.reshape(-1, g.shape[-1])
    return g @ w.T, _weight_grad_rows(x2, g2, _row_chunk(*x2.shape, g2.shape[1])), g2.sum(0)
_affine_rows.defvjp(lambda x, w, b: (x @ w + b, (x, w)), _affine_rows_bwd)
def _dense_rows(x, w, b): return _affine_rows(x, w, b)


def layers(rounds: int, reps: int):
    key = iter(jax.random.split(jax.random.PRNGKey(0), 64))
    rnd = lambda *s: jax.random.normal(next(key), s, jnp.float32)
    for m, k, n in ((20480, 64, 64), (8192, 16, 64), (2048, 64, 64), (512, 32, 288)):  # Dense's weight gradient alone
        r = _row_chunk(m, k, n)
        ab({"one": _weight_grad, "rows": lambda x, g, r=r: _weight_grad_rows(x, g, r)}, (rnd(m, k), rnd(m, n)),
           rounds, reps, f"x.T@g [{m},{k}]x[{m},{n}] r{r}")
    for shape, o in (((8, 16, 16, 16), 64), ((8, 32, 32, 32), 64)):  # Dense fwd+bwd, the weight gradient over rows
        i = shape[-1]
        a = (rnd(4, *shape), rnd(i, o) / i**0.5, rnd(o), rnd(4, *shape[:-1], o))
        ab({"nn": vjp_of(_dense_nn, 3), "rows": vjp_of(_dense_rows, 3)}, a, rounds, reps,
           f"Dense {'x'.join(map(str, shape))}->{o}")
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


def _conv3_im2col(x, w):
    "conv3's forward as one product of the nine shifted windows concatenated on the channels (im2col: dropped)."
    h, wd = x.shape[1:3]
    xp = jnp.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    return jnp.concatenate([xp[:, a:a + h, c:c + wd] for a in range(3) for c in range(3)], -1) @ w.reshape(-1, w.shape[-1])


def _taps_major(x):
    "[9 c, P]: the nine shifted windows of `x` [n, h, w, c], channel-major, stacked on a major axis."
    n, h, w, c = x.shape
    xt = jnp.pad(jnp.moveaxis(x, -1, 0), ((0, 0), (0, 0), (1, 1), (1, 1)))
    return jnp.stack([xt[:, :, a:a + h, b:b + w] for a in range(3) for b in range(3)]).reshape(9 * c, n * h * w)


def _conv3_dw_taps(x, g):
    "conv3's weight gradient as one product [9 i, P] @ [P, o] (left operand contracting its minor axis: YNNPACK's "
    "form; dropped: the stacked windows cost more than the product)."
    p = x.shape[0] * x.shape[1] * x.shape[2]
    return (_taps_major(x) @ g.reshape(p, -1)).reshape(3, 3, x.shape[-1], g.shape[-1])


def _chunk_bytes(b):
    "nn's chunked conv3 gradients with `convs.DW_CHUNK_BYTES` set to `b` while tracing."
    def f(x, w, g):
        old, cv.DW_CHUNK_BYTES = cv.DW_CHUNK_BYTES, b
        try: return cv._conv3_chunked_grads(x, w, g)
        finally: cv.DW_CHUNK_BYTES = old
    return f


def _dw_sums(lead_only: bool):
    "depthwise3's kernel gradient as nine sums, each over the leading axes (`lead_only`) or the leading axes and the "
    "rows first, then over the rest (dropped: the same 8 pad + slice kernels and 9 YNNPACK reductions as nn's)."
    def f(x, g):
        h, wd = x.shape[-3:-1]
        xp = jnp.pad(x, [(0, 0)] * (x.ndim - 3) + [(1, 1), (1, 1), (0, 0)])
        ax = tuple(range(x.ndim - (3 if lead_only else 2)))
        s = jnp.stack([jnp.sum(xp[..., i:i + h, j:j + wd, :] * g, ax, dtype=jnp.float32) for i in range(3) for j in range(3)])
        return s.sum((1, 2) if lead_only else 1)
    return f


def _dw_grouped(x, g):
    "depthwise3's kernel gradient as XLA's transpose of the grouped convolution (feature_group_count = c)."
    c = x.shape[-1]
    conv = lambda w: jax.lax.conv_general_dilated(x, w[:, :, None], (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"),
                                                  feature_group_count=c)
    return jax.linear_transpose(conv, jnp.zeros((3, 3, c), x.dtype))(g)[0].reshape(9, c)


def convs(rounds: int, reps: int):
    "The small step's convolution kernels at its shapes (64 frames of 16 x 16, PrecisionOp's 32 -> 64 -> 32; the "
    "exchanges' depthwise3 at 16 x 16 x 32, 4 x 4 x 32, 2 x 2 x 64), each against its alternatives."
    key = iter(jax.random.split(jax.random.PRNGKey(0), 64))
    rnd = lambda *s: jax.random.normal(next(key), s, jnp.float32)
    for i, o in ((32, 64), (64, 32)):
        x, w, g = rnd(64, 16, 16, i), rnd(3, 3, i, o) / (3 * i**0.5), rnd(64, 16, 16, o)
        ab({"conv": cv._conv3, "im2col": _conv3_im2col}, (x, w), rounds, reps, f"conv3 fwd 64x16x16x{i}->{o}")
        ab({"matmul": lambda a, b: a @ b}, (rnd(16384, 9 * i), rnd(9 * i, o)), rounds, reps, f"same FLOPs [16384,{9 * i}]x{o}")
        ab({"dx": lambda x, g, w=w: cv._conv3_input_grad(g, w), "dw nn": lambda x, g, w=w: cv._conv3_chunked_grads(x, w, g)[1],
            "dw taps": _conv3_dw_taps}, (x, g), rounds, reps, f"conv3 bwd 64x16x16x{i}->{o}")
        ab({f"{b >> 10}K": _chunk_bytes(b) for b in (cv.DW_CHUNK_BYTES, 3 << 17, 3 << 19, 3 << 20, 1 << 62)}, (x, w, g),
           rounds, reps, f"conv3 grads by chunk bytes {i}->{o}")
    for shape in ((64, 16, 16, 32), (64, 4, 4, 32), (64, 2, 2, 64)):
        ab({"nn": nn._shifted_sums, "tap_sums": nn._tap_sums, "lead": _dw_sums(True), "rows": _dw_sums(False),
            "grouped": _dw_grouped}, (rnd(*shape), rnd(*shape)), rounds, reps, f"dw3 kernel grad {'x'.join(map(str, shape))}")


# depthwise3's kernel gradient as before session 11 everywhere: nine separate sums (nn keeps it above 16 channels)
BEFORE = {"_tap_sums": nn._shifted_sums}  # nn attributes looked up at trace time -> the old value


def load_patch(path: str) -> list:
    "The `OLD` list of (object, attribute, old value) that the Python file at `path` defines; the file may change the "
    "package as it runs (the 'nn' side: e.g. an option added to runtime.FAST_STEP) while `OLD` holds what it was."
    ns = {"__file__": path}
    exec(compile(open(path).read(), path, "exec"), ns)
    return list(ns["OLD"])


def abba(r: int) -> tuple:
    "The sides' order in round r: ABBA (nn first, before first, before first, nn first, ...), so that whatever the order "
    "does to a ratio cancels over each 4 rounds."
    return ("nn", "before") if r % 4 in (0, 3) else ("before", "nn")


def step(rounds: int, preset_name: str = "tiny", patches: list | None = None, batch_size: int = 2):
    "The training step with nn.py as it is ('nn') and with the old formulations (`BEFORE`) patched in ('before'); "
    "with `patches` (`--patch FILE`: (object, attribute, old value) triples) those instead, anywhere in the package; "
    "over JAX's CPU devices (`--devices`) data parallel as benchmarks/train_step.py runs it."
    patches = [(nn, k, f) for k, f in BEFORE.items()] if patches is None else patches
    from alphaearth_nb import dist, losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, batch_size, seed=0, texts=texts).batch_at(0))
    tcfg = TrainConfig(steps=1000, warmup=10, batch_size=batch_size)
    opt = make_optimizer(tcfg)
    state = init_state(apply_policy(model, tcfg), opt)
    mesh = dist.make_mesh(batch_size=batch_size)
    if mesh.devices.size > 1:
        ssh, bsh = dist.state_sharding(state, mesh), dist.batch_sharding(mesh)
        state, sbatch, shard = dist.place(state, ssh), dist.place(batch, bsh), dict(state_shardings=ssh, batch_shardings=bsh)
    else:
        sbatch, shard = batch, {}
    print(f"step on {mesh.devices.size} device(s)")
    runs, grads = {}, {}
    for name in ("nn", "before"):
        saved = [(o, k, getattr(o, k)) for o, k, _ in patches]
        if name == "before":
            for o, k, f in patches: setattr(o, k, f)
        fn = make_train_step(losses.total_loss, opt, **shard)
        box = [jax.tree.map(lambda v: v.copy() if hasattr(v, "copy") else v, state)]
        def run(fn=fn, box=box):
            box[0], loss, _ = fn(box[0], sbatch)
            return float(loss)
        losses_ = [run() for _ in range(3)]  # traced and compiled here, with the patch in place
        print(f"step {name}: losses of 3 steps {losses_}")
        key = jax.random.PRNGKey(1)
        with nn.traced_for(jax.default_backend()):  # the step's gradients at the initial parameters
            g = eqx.filter_jit(eqx.filter_grad(lambda m: losses.total_loss(m, batch, key)[0]))(
                jax.device_put(state.model, jax.devices()[0]))
        grads[name] = jax.tree.leaves(g)
        for o, k, f in saved: setattr(o, k, f)
        runs[name] = run
    diff = max(float(jnp.max(jnp.abs(a - b)) / (jnp.max(jnp.abs(b)) + 1e-30)) for a, b in zip(*grads.values()))
    print(f"gradients (initial parameters): largest difference relative to the leaf's largest value {diff:.2e}")
    cpu, wall = {k: [] for k in runs}, {k: [] for k in runs}
    for r in range(rounds):
        for k in abba(r):
            run = runs[k]
            run()
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(5): run()
            cpu[k].append((time.process_time() - c0) / 5 * 1e3); wall[k].append((time.perf_counter() - t0) / 5 * 1e3)
        print(f"  round {r} ({k} last): before/nn CPU {cpu['before'][-1] / cpu['nn'][-1]:.3f} wall {wall['before'][-1] / wall['nn'][-1]:.3f}"
              f"; load {os.getloadavg()[0]:.1f}")
    c, w = ({k: statistics.median(v) for k, v in d.items()} for d in (cpu, wall))
    rc = statistics.median(b / a for a, b in zip(cpu["nn"], cpu["before"]))
    above = sum(b > a for a, b in zip(cpu["nn"], cpu["before"]))
    rw = statistics.median(b / a for a, b in zip(wall["nn"], wall["before"]))
    print(f"{preset_name} step, batch {batch_size}: nn CPU {c['nn']:.1f} ms wall {w['nn']:.1f} ms; before CPU {c['before']:.1f} ms "
          f"wall {w['before']:.1f} ms; before/nn median of {rounds} rounds' ratios: CPU {rc:.3f} ({above} above 1), "
          f"wall {rw:.3f}; load {os.getloadavg()[0]:.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--reps", type=int, default=50)
    ap.add_argument("--step", action="store_true", help="also the whole training step, nn.py against before")
    ap.add_argument("--preset", default="tiny", help="the model preset of --step")
    ap.add_argument("--batch", type=int, default=2, help="the batch size of --step")
    ap.add_argument("--only-step", action="store_true", help="--step without the layer benchmarks")
    ap.add_argument("--convs", action="store_true", help="only the small step's convolution kernels (convs)")
    ap.add_argument("--devices", type=int, default=0, help="N host CPU devices for --step (jax_num_cpu_devices)")
    ap.add_argument("--patch", default="", metavar="FILE", help="--only-step against the `OLD` list of (object, "
                    "attribute, old value) a Python file defines, instead of BEFORE (see load_patch)")
    args = ap.parse_args(argv)
    keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    if args.devices: jax.config.update("jax_num_cpu_devices", args.devices)
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores, XLA options {compiler_options(step=True)}; heap kept {keep_heap()}; load average {os.getloadavg()[0]:.1f}")
    if args.convs: return convs(args.rounds, args.reps)
    if not args.only_step: layers(args.rounds, args.reps)
    if args.step or args.only_step: step(max(args.rounds, 5), args.preset, load_patch(args.patch) if args.patch else None, args.batch)


if __name__ == "__main__":
    main()
