"""Cold compile time of the first `small` training step and the first `embed` call, beside the step time.

    .venv/bin/python benchmarks/compile.py [--preset small] [--rounds 2] [--what step,embed] [--cache] [--base PATH]
                                           [--sources] [--inprocess ROUNDS --base PATH] [--tiers STEPS]

Each measurement runs in a fresh process with JAX's persistent compilation cache off (`AEF_COMPILE_CACHE=0`), so
every first call traces, lowers and compiles from scratch. The configurations, interleaved round by round so all
see the same neighbours on a shared machine:
- "before": XLA's default CPU optimisation (`AEF_FAST_COMPILE=0`) and Adam per parameter (`layout='tree'`), as
  the package was before issue 16;
- "o1": XLA:CPU's backend optimisation level 1 only (`runtime.FAST_COMPILE` without `runtime.FAST_STEP`) and Adam on one
  flat vector;
- "s5": `runtime.FAST_STEP` as it was before the memory-optimised thunk order (the loop emitter and the split in
  two, XLA:CPU's default scheduler);
- "NAME@base" (with `--base PATH`): the configuration with the package imported from another checkout (the code
  before a change), interleaved with this checkout's;
- "after": the package's defaults: `runtime.compiler_options(step=True)` on the CPU backend (`runtime.FAST_COMPILE`, level
  1, and `runtime.FAST_STEP`: the loop emitter instead of the fusion emitters, the LLVM module split in two) and Adam on
  one flat vector, with the step's thunks in XLA:CPU's memory-optimised order;
- "level0": "after" at XLA:CPU's backend optimisation level 0 (`--configs after,level0`; session 12 in NOTES.md);
- "mof", "isel" (only when named): "after" with `XLA_FLAGS` set in the child (`CONFIG_ENV`; session 15 in NOTES.md);
  "epi", "partial" (only when named): "after" with other LLVM options (`AEF_LLVM_OPTIONS`; session 40 in NOTES.md).
Each step line ends with the losses of its first and last call, to tell whether two configurations' numbers agree.
Embedding has no optimiser and does not use `FAST_STEP`, so it runs "before" and "after" only.
With `--interleave`, the flat-Adam step is also compiled three ways (XLA's default, `FAST_COMPILE`, and with
`FAST_STEP`) in this process and the programs called in alternating rounds, the fairest comparison of run time.
Per process it prints the first call's wall seconds (trace + compile + one run) and CPU seconds, split into
tracing (Python: jaxpr), lowering (jaxpr to StableHLO) and XLA's compile (from `jax.monitoring`'s duration events;
the rest is the first run and dispatch), then the median
of `--reps` later calls (wall and CPU milliseconds): the run time must not get worse for a faster compile. The
summary gives each configuration's ratio to the one before it and to "before" (medians over rounds) and the load
average; CPU seconds are the steadier
figure when other processes share the cores. With `--cache` (`--rounds 0 --cache` for it alone), "after" also runs
twice with the persistent cache on, in a new folder of its own: the first process compiles and writes it, the second
finds the program there (its line counts the hits and the load time instead of XLA's compile); tracing and lowering
are paid either way, since JAX traces to find the cache key.
With `--inprocess ROUNDS --base PATH` (and `--rounds 0 --what ''` for it alone), the two packages are also compared
in one process (`inprocess`): on a shared machine the steadiest old/new ratio of the trace, the compile and the step.
`--sources` adds, after each step line, its LLVM kernels counted by the package function they come from;
`--tiers STEPS` runs the step at backend optimisation levels 0 and 1 in this process: compile, per call, and
whether STEPS steps agree to the bit (see `tiers`).

Latest figures: session 17 (an Intel Xeon VM with AMX, 2 shared cores, load 7.4-10.1; `--configs after --rounds 2
--what step,embed --reps 3`): small's step first call 48.0 and 58.2 s wall at 20.2 and 22.1 CPU s (trace 3.0 / 5.8
s, lower 1.0 / 1.2, XLA 41.5 / 49.2 s wall; 1,740 fusions, 504 YNNPACK's), then 425-465 CPU ms a call; embed 34.2
and 20.5 s at 11.4 and 11.3 CPU s. Near idle (AMD Zen 4, session 16): the step's first call 19.7-22.7 s.
Figures only: nothing here is asserted.
History of measurements: benchmarks/NOTES.md#compile
"""
import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# name: (AEF_FAST_COMPILE, optimiser layout, runtime.FAST_STEP override or None); each is compared with the one
# before it and with the first
CONFIGS = {"before": ("0", "tree", None), "o1": ("1", "flat", "{}"),
           "s5": ("1", "flat", '{"xla_cpu_use_fusion_emitters": false, "xla_cpu_parallel_codegen_split_count": 2}'),
           "after": ("1", "flat", None), "level0": ("1", "flat", '+{"xla_backend_optimization_level": 0}'),
           "mof": ("1", "flat", None), "isel": ("1", "flat", None), "epi": ("1", "flat", None),
           "partial": ("1", "flat", None)}
# configurations that also set environment variables of the child (read by XLA when its backend starts)
CONFIG_ENV = {"mof": {"XLA_FLAGS": "--xla_backend_extra_options=xla_cpu_use_multi_output_fusion"},
              "isel": {"XLA_FLAGS": "--xla_backend_extra_options=-fast-isel"},
              # LLVM options beside the package's (`runtime.llvm_options`; session 40 in NOTES.md)
              "epi": {"AEF_LLVM_OPTIONS": "-disable-lsr,-enable-epilogue-vectorization=false"},
              "partial": {"AEF_LLVM_OPTIONS": "-disable-lsr"}}  # LLVM's partial unrolling on, as before session 40
EMBED_CONFIGS = ("before", "after")  # the optimiser and FAST_STEP play no part in embedding
EVENTS = {"trace": "/jax/core/compile/jaxpr_trace_duration", "lower": "/jax/core/compile/jaxpr_to_mlir_module_duration",
          "xla": "/jax/core/compile/backend_compile_duration", "load": "/jax/compilation_cache/cache_retrieval_time_sec"}
HIT = "/jax/compilation_cache/cache_hits"


def _timed(fn):
    "(wall s, CPU s) of `fn()`, which must block."
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def kernel_sources(text: str) -> collections.Counter:
    "The compiled program's LLVM kernels (loop fusions of the entry computation) counted by the innermost package "
    "function in each one's stack trace (`?`: none, e.g. the parameter update's adds under `eqx.apply_updates`)."
    tables, cur = {}, None
    for l in text.splitlines():
        if l in ("FileNames", "FunctionNames", "FileLocations", "StackFrames"): cur = tables.setdefault(l, {})
        elif cur is not None and re.match(r"\d+ ", l): cur[int(l.split(" ", 1)[0])] = l.split(" ", 1)[1]
    if len(tables) < 4: return collections.Counter()
    ids = lambda v: {k: int(n) for k, n in re.findall(r"(\w+)=(\d+)", v)}
    locs = {i: (tables["FileNames"][d["file_name_id"]].strip('"'), tables["FunctionNames"][d["function_name_id"]].strip('"'))
            for i, d in ((i, ids(v)) for i, v in tables["FileLocations"].items())}
    frames = {i: (d["file_location_id"], d["parent_frame_id"]) for i, d in
              ((i, ids(v)) for i, v in tables["StackFrames"].items())}
    def source(frame):
        seen = set()
        while frame in frames and frame not in seen:
            seen.add(frame)
            (file, fn), frame = locs[frames[frame][0]], frames[frame][1]
            if "alphaearth_nb" in file: return f"{Path(file).stem}.{fn.replace('.<locals>', '')}"
        return "?"
    entry = text[text.index("\nENTRY"):]
    return collections.Counter(source(int(m.group(1)) if m else -1) for l in entry.splitlines()
                               if " fusion(" in l and "kind=kLoop" in l
                               for m in [re.search(r"stack_frame_id=(\d+)", l)])


def child(what: str, preset_name: str, layout: str, reps: int, opts: str | None = None) -> dict:
    "Measure in this (fresh) process; returns the figures as a dict."
    import jax
    from alphaearth_nb import losses, runtime, samples, scene
    if runtime.compile_cache() is None: jax.config.update("jax_enable_compilation_cache", False)  # AEF_COMPILE_CACHE
    if opts: runtime.FAST_STEP = {**runtime.FAST_STEP, **json.loads(opts[1:])} if opts[0] == "+" else json.loads(opts)  # read there
    spent, hits = {k: 0.0 for k in EVENTS}, [0]
    def listen(event, secs, **kw):
        for k, name in EVENTS.items():
            if event == name and listening[0]: spent[k] += secs
    def count(event, **kw):
        if event == HIT and listening[0]: hits[0] += 1
    listening = [False]
    jax.monitoring.register_event_duration_secs_listener(listen)
    import gc
    gc_start = [0.0]
    def collected(phase, info):  # Python's full (generation 2) collections during the first call
        if not (listening[0] and info["generation"] == 2): return
        if phase == "start": gc_start[0] = time.perf_counter()
        else: spent["gc"] = spent.get("gc", 0.0) + time.perf_counter() - gc_start[0]
    gc.callbacks.append(collected)
    jax.monitoring.register_event_listener(count)
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
            losses_.append(float(loss))
    else:
        import numpy as np
        from alphaearth_nb.embed import embed, model_spec
        year = int(np.datetime64(stack["sentinel2"].time.values[0], "Y").astype(int) + 1970)
        _, inputs, targets, _ = model_spec(model)  # a preset that knows fewer sources (tiny) embeds its own only
        crop = stack.isel(y=slice(0, 64), x=slice(0, 64))
        crop = crop.drop_nodes([n for n in crop.children if n not in (*inputs, *targets)])
        def run(): embed(crop, model, year, progress=False).values
    losses_ = []  # the step's losses, to compare configurations' numbers
    listening[0] = True
    first = _timed(run)
    listening[0] = False
    later = [_timed(run) for _ in range(reps)]
    kernels = None
    if what == "step":  # the compiled programs again (JAX's in-memory cache: no second compile): their fusions
        lowered = step.lower(box[0], batch) if hasattr(step, "lower") else [step.jitted.lower(batch, box[0])]
        texts = [l.compile().compiled.as_text() for l in lowered]  # a --base before the two programs: one
        kernels = (sum(len(re.findall(r" fusion\(", t)) for t in texts),
                   sum(len(re.findall(r"%[yx]nn_fusion[\w.\-]* = ", t)) for t in texts),
                   sum(map(kernel_sources, texts), collections.Counter()).most_common(12))
    return {"first_s": first[0], "first_cpu_s": first[1], "gc_s": spent.pop("gc", 0.0),
            **{f"{k}_s": v for k, v in spent.items()}, "hits": hits[0],
            "kernels": kernels, "losses": losses_,
            "run_ms": 1e3 * statistics.median(w for w, _ in later),
            "run_cpu_ms": 1e3 * statistics.median(c for _, c in later), "load": os.getloadavg()[0]}


def interleaved(preset_name: str, reps: int, rounds: int = 6) -> None:
    "The step's run time compiled three ways in this process, calls alternated: the fairest run-time ratios."
    import jax
    from alphaearth_nb import losses, runtime, samples, scene
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
    opts = {"default": {}, "o1": dict(runtime.FAST_COMPILE), "after": {**runtime.FAST_COMPILE, **runtime.FAST_STEP}}
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

def tiers(preset_name: str, steps: int, reps: int) -> None:
    "The step lowered once and compiled at XLA:CPU's backend optimisation levels 0 and 1 (on top of the package's "
    "options), in this process: compile and per-call CPU seconds, and whether `steps` steps from the same state give "
    "the same loss, aux terms and state to the bit (tiered compilation needs them to)."
    import jax
    import numpy as np
    from alphaearth_nb import losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
    jax.config.update("jax_enable_compilation_cache", False)
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    bs = samples.Batches(stack, sampler, 2, seed=0, texts=texts)
    batches = [jax.device_put(bs.batch_at(i)) for i in range(max(steps, reps))]
    opt = make_optimizer(TrainConfig(steps=1_000, warmup=2, batch_size=2))
    step = make_train_step(losses.total_loss, opt)
    low = step.jitted.lower(batches[0], init_state(model, opt))
    runs = {}
    for level in (0, 1):
        t, c = time.perf_counter(), time.process_time()
        prog = low.compile(compiler_options={"xla_backend_optimization_level": level})  # on top of the jit's
        t, c = time.perf_counter() - t, time.process_time() - c
        state, out, times = init_state(model, opt), [], []
        for i in range(max(steps, reps + 1)):
            w0, c0 = time.perf_counter(), time.process_time()
            state, loss, aux = prog(batches[i % len(batches)], state)
            jax.block_until_ready(loss)
            if i: times.append((time.perf_counter() - w0, time.process_time() - c0))
            if i < steps: out.append(jax.device_get((loss, aux, state)))
        runs[level] = out
        wall, cpu = (1e3 * statistics.median(x[i] for x in times) for i in (0, 1))
        print(f"level {level}: XLA compile {t:.1f} s ({c:.1f} CPU s); then {wall:.0f} ms ({cpu:.0f} CPU ms) per call; "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
    names = [jax.tree_util.keystr(k) for k, _ in jax.tree_util.tree_flatten_with_path(runs[0][0])[0]]
    for i, (a, b) in enumerate(zip(runs[0], runs[1])):
        diff = [(n, float(np.max(np.abs(np.asarray(x, np.float64) - np.asarray(y)))))
                for n, x, y in zip(names, jax.tree.leaves(a), jax.tree.leaves(b))
                if np.asarray(x).tobytes() != np.asarray(y).tobytes()]
        print(f"step {i + 1}: loss {float(a[0])!r} (level 0) {'==' if float(a[0]) == float(b[0]) else '!='} "
              f"{float(b[0])!r} (level 1); {len(diff)} of {len(names)} leaves differ, at most by "
              f"{max((d for _, d in diff), default=0):.3g}" + ("".join(f", {n}" for n, _ in diff[:5])),
              flush=True)


ROOT = Path(__file__).resolve().parent.parent


def inprocess(base: str, preset_name: str, rounds: int, calls: int) -> None:
    "This checkout's package against `base`'s in one process (base copied as `alphaearth_base`: the package imports "
    "itself relatively): the gradients program's trace + lower and XLA compile CPU s in alternating rounds "
    "(`jax.clear_caches()` between), then the step's run time in alternating calls; steadier than fresh processes on "
    "a loaded machine, for the step as it runs on the CPU (`step.lower`'s first program)."
    import importlib
    import shutil
    import jax
    tmp = tempfile.mkdtemp(prefix="aef-base-")
    shutil.copytree(Path(base).resolve() / "alphaearth_nb", Path(tmp) / "alphaearth_base")
    sys.path.insert(0, tmp)
    jax.config.update("jax_enable_compilation_cache", False)
    pk = {}
    for name in ("alphaearth_base", "alphaearth_nb"):
        mod = lambda m: importlib.import_module(f"{name}.{m}")
        stack, texts, _ = mod("scene").load_scene()
        cfg = mod("model").preset(preset_name)
        sampler = mod("samples").sampler_config(cfg, preset_name if preset_name in mod("samples").SAMPLERS else None)
        batch = jax.device_put(mod("samples").Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
        T = mod("train")
        opt = T.make_optimizer(T.TrainConfig(steps=1_000, warmup=10, batch_size=2))
        pk[name] = (mod("losses").total_loss, T, mod("model").AlphaEarth(cfg, key=jax.random.PRNGKey(0)), batch, opt)
    lower = lambda step, state, batch: (step.lower(state, batch)[0] if hasattr(step, "lower")
                                        else step.jitted.lower(batch, state))
    res = {k: ([], []) for k in pk}
    order = lambda r: list(pk) if r % 2 == 0 else list(pk)[::-1]
    for r in range(rounds):
        for name in order(r):
            loss, T, model, batch, opt = pk[name]
            jax.clear_caches()
            step, state = T.make_train_step(loss, opt), T.init_state(model, opt)
            c = time.process_time(); low = lower(step, state, batch); res[name][0].append(time.process_time() - c)
            c = time.process_time(); low.compile(); res[name][1].append(time.process_time() - c)
            print(f"round {r} {name}: trace + lower {res[name][0][-1]:.2f} CPU s, XLA compile {res[name][1][-1]:.2f} "
                  f"CPU s; load {os.getloadavg()[0]:.1f}", flush=True)
    med, (bt, bx), (nt, nx) = statistics.median, res["alphaearth_base"], res["alphaearth_nb"]
    print(f"in one process, new/base: trace + lower CPU {med(nt) / med(bt):.3f} ({med(bt):.2f} -> {med(nt):.2f} s), "
          f"XLA compile CPU {med(nx) / med(bx):.3f} ({med(bx):.2f} -> {med(nx):.2f} s; rounds "
          f"{', '.join(f'{n / b:.2f}' for b, n in zip(bx, nx))}); load {os.getloadavg()[0]:.1f}", flush=True)
    steps = {k: [T.make_train_step(loss, opt), T.init_state(model, opt), []] for k, (loss, T, model, _, opt) in
             pk.items()}
    def call(s, batch):  # [step, state, times]: one call, the state replaced
        s[1] = s[0](s[1], batch)[0]
        jax.block_until_ready(s[1])
    for r in range(calls + 2):
        for name in order(r):
            t = _timed(lambda: call(steps[name], pk[name][3]))
            if r >= 2: steps[name][2].append(t)  # two warm-up calls each
    (bw, bc), (nw, nc) = [(med(w for w, _ in steps[k][2]), med(c for _, c in steps[k][2])) for k in pk]
    print(f"step per call new/base, {calls} alternating calls: wall {nw / bw:.3f} ({1e3 * bw:.0f} -> "
          f"{1e3 * nw:.0f} ms), CPU {nc / bc:.3f} ({1e3 * bc:.0f} -> {1e3 * nc:.0f} ms); load {os.getloadavg()[0]:.1f}", flush=True)


def _measure(what: str, name: str, a, cache: str | None = None) -> dict | None:
    "One configuration's figures from a fresh child process (None if it failed); `cache`: the persistent cache's "
    "folder; a name ending in '@base' imports the package from `--base`."
    name, at_base = name.removesuffix("@base"), name.endswith("@base")
    fast, layout, opts = CONFIGS[name]
    root = Path(a.base).resolve() if at_base else ROOT
    env = {**os.environ, "AEF_COMPILE_CACHE": cache or "0", "AEF_FAST_COMPILE": fast,
           "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", **CONFIG_ENV.get(name, {})}
    cmd = [sys.executable, __file__, "--child", what, "--preset", a.preset, "--layout", layout,
           "--reps", str(a.reps)] + (["--opts", opts] if opts else [])
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    line = [l for l in out.stdout.splitlines() if l.startswith("RESULT ")]
    if out.returncode or not line:
        print(f"{what} {name}: failed\n{out.stderr[-2000:]}")
        return None
    return json.loads(line[0][7:])


def _line(label: str, d: dict | None) -> None:
    if d is None: return
    load = f"cache load {d['load_s']:4.1f} s, {d['hits']} hits" if d["hits"] else f"XLA {d['xla_s']:4.1f} s"
    if d.get("kernels"): load += f"; {d['kernels'][0]} fusions, {d['kernels'][1]} of them YNNPACK's"
    print(f"{label}: first call {d['first_s']:5.1f} s ({d['first_cpu_s']:5.1f} CPU s; trace {d['trace_s']:4.1f}, "
          f"lower {d['lower_s']:3.1f}, full GC {d.get('gc_s', 0):3.1f}, {load}); then {d['run_ms']:6.0f} ms "
          f"({d['run_cpu_ms']:6.0f} CPU ms) per call; "
          f"load {d['load']:.1f}" + (f"; losses {d['losses'][0]!r} .. {d['losses'][-1]!r}" if d.get("losses") else ""),
          flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="small")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--what", default="step,embed", help="what to compile cold: step, embed (comma-separated; '' none)")
    ap.add_argument("--interleave", action="store_true", help="also time the step compiled three ways in one process")
    ap.add_argument("--configs", default="", help="only these configurations (comma-separated; default all)")
    ap.add_argument("--cache", action="store_true",
                    help="also with the persistent cache on: 'after' in two fresh processes sharing a new cache folder")
    ap.add_argument("--base", default=None,
                    help="a checkout of the package as it was (e.g. /work/main): each configuration also runs with "
                         "its code, as NAME@base, interleaved with this checkout's")
    ap.add_argument("--inprocess", type=int, default=0, metavar="ROUNDS",
                    help="with --base: this checkout's package against the base's in one process, ROUNDS alternating "
                         "compiles and 10x ROUNDS alternating step calls (see `inprocess`)")
    ap.add_argument("--sources", action="store_true",
                    help="after each step line, its LLVM kernels counted by the package function they come from")
    ap.add_argument("--tiers", type=int, default=0, metavar="STEPS",
                    help="the step at backend optimisation levels 0 and 1 in this process: compile, per call, and "
                         "whether STEPS steps agree to the bit (see `tiers`)")
    ap.add_argument("--child", choices=["step", "embed"], help=argparse.SUPPRESS)
    ap.add_argument("--layout", default="flat", help=argparse.SUPPRESS)
    ap.add_argument("--opts", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    try: from alphaearth_nb import runtime as home   # this checkout's, or in a child with --base the base's
    except ImportError: from alphaearth_nb import core as home   # a base older than runtime (oldest: no keep_heap)
    heap = getattr(home, "keep_heap", lambda: False)()  # as `aef` and `fit` do, before JAX runs (children too)
    if a.child:
        print("RESULT " + json.dumps(child(a.child, a.preset, a.layout, a.reps, a.opts)), flush=True)
        return
    import jax
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores; preset {a.preset}, batch 2 (step), 64 x 64 px (embed); "
          f"persistent cache off; heap kept {heap} (runtime.keep_heap, in each child too; AEF_KEEP_HEAP=0 off); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    if a.interleave: interleaved(a.preset, a.reps)
    if a.tiers: tiers(a.preset, a.tiers, a.reps)
    if a.inprocess and a.base: inprocess(a.base, a.preset, a.inprocess, 10 * a.inprocess)
    whats = [w for w in a.what.split(",") if w]
    names = {w: [c for c in (EMBED_CONFIGS if w == "embed" else CONFIGS)
                 if c in a.configs.split(",") or not a.configs and c not in CONFIG_ENV]
             for w in whats}
    if a.base: names = {w: [n for c in ns for n in (f"{c}@base", c)] for w, ns in names.items()}
    rows = {(w, c): [] for w in whats for c in names[w]}
    for r in range(a.rounds):
        for what in whats:
            for name in (names[what] if r % 2 == 0 else names[what][::-1]):
                d = _measure(what, name, a)
                if d: rows[(what, name)].append(d)
                _line(f"round {r} {what:5s} {name:11s}", d)
                if a.sources and d and d.get("kernels") and len(d["kernels"]) > 2:
                    print("    LLVM kernels by package function: "
                          + ", ".join(f"{k} {n}" for k, n in d["kernels"][2]), flush=True)
    if a.cache:  # the package's defaults with the persistent cache on, in a folder of its own: written, then read
        for what in whats:
            with tempfile.TemporaryDirectory(prefix="aef-compile-cache-") as folder:
                for label in ("cache, cold (writes) ", "cache, second process"):
                    _line(f"{what:5s} {label}", _measure(what, "after", a, cache=folder))
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
