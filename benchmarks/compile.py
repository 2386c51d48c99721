"""Cold compile time of the first `small` training step and the first `embed` call, beside the step time.

    .venv/bin/python benchmarks/compile.py [--preset small] [--rounds 2] [--what step,embed]

Each measurement runs in a fresh process with JAX's persistent compilation cache off (`AEF_COMPILE_CACHE=0`), so
every first call traces, lowers and compiles from scratch. The configurations, interleaved round by round so all
see the same neighbours on a shared machine:
- "before": XLA's default CPU optimisation (`AEF_FAST_COMPILE=0`) and Adam per parameter (`layout='tree'`), as
  the package was before issue 16;
- "o1": XLA:CPU's backend optimisation level 1 only (`core.FAST_COMPILE` without `core.FAST_STEP`) and Adam on one
  flat vector;
- "s5": `core.FAST_STEP` as it was before the memory-optimised thunk order (the loop emitter and the split in
  two, XLA:CPU's default scheduler);
- "after": the package's defaults: `core.compiler_options(step=True)` on the CPU backend (`core.FAST_COMPILE`, level
  1, and `core.FAST_STEP`: the loop emitter instead of the fusion emitters, the LLVM module split in two) and Adam on
  one flat vector, with the step's thunks in XLA:CPU's memory-optimised order.
Embedding has no optimiser and does not use `FAST_STEP`, so it runs "before" and "after" only.
With `--interleave`, the flat-Adam step is also compiled three ways (XLA's default, `FAST_COMPILE`, and with
`FAST_STEP`) in this process and the programs called in alternating rounds, the fairest comparison of run time.
Per process it prints the first call's wall seconds (trace + compile + one run) and CPU seconds, split into
tracing (Python: jaxpr), lowering (jaxpr to StableHLO) and XLA's compile (from `jax.monitoring`'s duration events;
the rest is the first run and dispatch), then the median
of `--reps` later calls (wall and CPU milliseconds): the run time must not get worse for a faster compile. The
summary gives each configuration's ratio to the one before it and to "before" (medians over rounds) and the load
average; CPU seconds are the steadier
figure when other processes share the cores. Figures only: nothing here is asserted.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# name: (AEF_FAST_COMPILE, optimiser layout, core.FAST_STEP override or None); each is compared with the one
# before it and with the first
CONFIGS = {"before": ("0", "tree", None), "o1": ("1", "flat", "{}"),
           "s5": ("1", "flat", '{"xla_cpu_use_fusion_emitters": false, "xla_cpu_parallel_codegen_split_count": 2}'),
           "after": ("1", "flat", None)}
EMBED_CONFIGS = ("before", "after")  # the optimiser and FAST_STEP play no part in embedding
EVENTS = {"trace": "/jax/core/compile/jaxpr_trace_duration", "lower": "/jax/core/compile/jaxpr_to_mlir_module_duration",
          "xla": "/jax/core/compile/backend_compile_duration"}


def _timed(fn):
    "(wall s, CPU s) of `fn()`, which must block."
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def child(what: str, preset_name: str, layout: str, reps: int, opts: str | None = None) -> dict:
    "Measure in this (fresh) process; returns the figures as a dict."
    import jax
    jax.config.update("jax_enable_compilation_cache", False)
    from alphaearth_nb import core, losses, samples, scene
    if opts: core.FAST_STEP = json.loads(opts)
    spent = {k: 0.0 for k in EVENTS}
    def listen(event, secs, **kw):
        for k, name in EVENTS.items():
            if event == name and listening[0]: spent[k] += secs
    listening = [False]
    jax.monitoring.register_event_duration_secs_listener(listen)
    from alphaearth_nb.model import AlphaEarth, preset
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    if what == "step":
        from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
        sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
        batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
        opt = make_optimizer(TrainConfig(steps=1_000, warmup=10, batch_size=2), layout)
        step, box = make_train_step(losses.total_loss, opt), [init_state(model, opt)]
        def run():
            box[0], loss, _ = step(box[0], batch)
            loss.block_until_ready()
    else:
        import numpy as np
        from alphaearth_nb.embed import embed
        year = int(np.datetime64(stack["sentinel2"].time.values[0], "Y").astype(int) + 1970)
        crop = stack.isel(y=slice(0, 64), x=slice(0, 64))
        def run(): embed(crop, model, year, progress=False).values
    listening[0] = True
    first = _timed(run)
    listening[0] = False
    later = [_timed(run) for _ in range(reps)]
    return {"first_s": first[0], "first_cpu_s": first[1], **{f"{k}_s": v for k, v in spent.items()},
            "run_ms": 1e3 * statistics.median(w for w, _ in later),
            "run_cpu_ms": 1e3 * statistics.median(c for _, c in later), "load": os.getloadavg()[0]}


def interleaved(preset_name: str, reps: int, rounds: int = 6) -> None:
    "The step's run time compiled three ways in this process, calls alternated: the fairest run-time ratios."
    import jax
    from alphaearth_nb import core, losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
    opt = make_optimizer(TrainConfig(steps=1_000, warmup=10, batch_size=2))
    old = os.environ.get("AEF_FAST_COMPILE")
    os.environ["AEF_FAST_COMPILE"] = "0"  # the jitted step carries no options: each compile below sets its own
    try: low = make_train_step(losses.total_loss, opt).jitted.lower(batch, init_state(model, opt))
    finally:
        if old is None: os.environ.pop("AEF_FAST_COMPILE")
        else: os.environ["AEF_FAST_COMPILE"] = old
    opts = {"default": {}, "o1": dict(core.FAST_COMPILE), "after": {**core.FAST_COMPILE, **core.FAST_STEP}}
    progs = {k: low.compile(compiler_options=o) for k, o in opts.items()}
    boxes = {k: [init_state(model, opt)] for k in progs}
    times = {k: [] for k in progs}
    for r in range(rounds):
        for k, prog in (progs.items() if r % 2 == 0 else reversed(progs.items())):
            def run():
                boxes[k][0], loss, _ = prog(batch, boxes[k][0])
                loss.block_until_ready()
            for i in range(reps):
                t = _timed(run)
                if r or i: times[k].append(t)  # the first call of each program is a warm-up
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    print(f"step run time, three programs in one process, {rounds} alternating rounds of {reps} calls: "
          + ", ".join(f"{k} {w * 1e3:.0f} ms ({c * 1e3:.0f} CPU ms)" for k, (w, c) in med.items()) + "; "
          + ", ".join(f"{k}/default {med[k][0] / med['default'][0]:.2f} (CPU {med[k][1] / med['default'][1]:.2f})"
                      for k in ("o1", "after"))
          + f"; after/o1 {med['after'][0] / med['o1'][0]:.2f} (CPU {med['after'][1] / med['o1'][1]:.2f}); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="small")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--what", default="step,embed", help="what to compile cold: step, embed (comma-separated; '' none)")
    ap.add_argument("--interleave", action="store_true", help="also time the step compiled three ways in one process")
    ap.add_argument("--child", choices=["step", "embed"], help=argparse.SUPPRESS)
    ap.add_argument("--layout", default="flat", help=argparse.SUPPRESS)
    ap.add_argument("--opts", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print("RESULT " + json.dumps(child(a.child, a.preset, a.layout, a.reps, a.opts)), flush=True)
        return
    import jax
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores; preset {a.preset}, batch 2 (step), 64 x 64 px (embed); "
          f"persistent cache off; load average {os.getloadavg()[0]:.1f}", flush=True)
    if a.interleave: interleaved(a.preset, a.reps)
    whats = [w for w in a.what.split(",") if w]
    names = {w: list(EMBED_CONFIGS if w == "embed" else CONFIGS) for w in whats}
    rows = {(w, c): [] for w in whats for c in names[w]}
    root = Path(__file__).resolve().parent.parent
    for r in range(a.rounds):
        for what in whats:
            for name in (names[what] if r % 2 == 0 else names[what][::-1]):
                fast, layout, opts = CONFIGS[name]
                env = {**os.environ, "AEF_COMPILE_CACHE": "0", "AEF_FAST_COMPILE": fast,
                       "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
                cmd = [sys.executable, __file__, "--child", what, "--preset", a.preset, "--layout", layout,
                       "--reps", str(a.reps)] + (["--opts", opts] if opts else [])
                out = subprocess.run(cmd, env=env, capture_output=True, text=True)
                line = [l for l in out.stdout.splitlines() if l.startswith("RESULT ")]
                if out.returncode or not line:
                    print(f"round {r} {what} {name}: failed\n{out.stderr[-2000:]}"); continue
                d = json.loads(line[0][7:])
                rows[(what, name)].append(d)
                print(f"round {r} {what:5s} {name:6s}: first call {d['first_s']:5.1f} s "
                      f"({d['first_cpu_s']:5.1f} CPU s; "
                      f"trace {d['trace_s']:4.1f}, lower {d['lower_s']:3.1f}, XLA {d['xla_s']:4.1f} s); "
                      f"then {d['run_ms']:6.0f} ms ({d['run_cpu_ms']:6.0f} CPU ms) per call; load {d['load']:.1f}",
                      flush=True)
    med = lambda rs, k: statistics.median(d[k] for d in rs)
    for what in whats:
        for prev, name in zip(names[what], names[what][1:]):
            for ref in dict.fromkeys([prev, names[what][0]]):
                b, n = rows[(what, ref)], rows[(what, name)]
                if not (b and n): continue
                print(f"{what} {name}/{ref}: first call {med(b, 'first_s'):.1f} s -> {med(n, 'first_s'):.1f} s "
                      f"(ratio {med(n, 'first_s') / med(b, 'first_s'):.2f}; CPU "
                      f"{med(n, 'first_cpu_s') / med(b, 'first_cpu_s'):.2f}); per call {med(b, 'run_ms'):.0f} -> "
                      f"{med(n, 'run_ms'):.0f} ms (ratio {med(n, 'run_ms') / med(b, 'run_ms'):.2f}; CPU "
                      f"{med(n, 'run_cpu_ms') / med(b, 'run_cpu_ms'):.2f}); XLA compile {med(b, 'xla_s'):.1f} -> "
                      f"{med(n, 'xla_s'):.1f} s; load average {os.getloadavg()[0]:.1f}")
    print("goal: the first step of small and the first embed call under 20 s on 2 (idle) cores")

if __name__ == "__main__":
    main()
