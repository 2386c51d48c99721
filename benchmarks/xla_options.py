"""XLA:CPU compiler options for the training step (or embedding), compared side by side in ONE process.

    .venv/bin/python benchmarks/xla_options.py [--preset tiny] [--what step] [--rounds 4] [--reps 4] [--only a,b]
    .venv/bin/python benchmarks/xla_options.py --add 'name={"xla_cpu_...": value}'

The step (flat Adam, `losses.total_loss`), or with `--what embed` the forward pass to embeddings, is traced and
lowered once; each candidate is then compiled from that same StableHLO with its own per-function
`compiler_options` (never the process-wide XLA_FLAGS), and the compiled programs are called in interleaved rounds (the order rotates each round, so every program sees the same neighbours on a
shared machine). A candidate's options are applied ON TOP of the package's (`runtime.compiler_options(step=True)`,
or `runtime.compiler_options()` for embed, called "base"), unless its name starts with "raw:" (then they replace
them; "raw:default" is XLA's own defaults).
An option this jaxlib does not know raises at compile time: such a candidate is reported as absent, not timed.

Per candidate it prints: the XLA compile's wall and CPU seconds (from StableHLO; tracing and lowering are the same
for all), the number of thunk-level fusions/ops in the compiled module and how many are YNNPACK/XNNPACK fusions, the
median wall and CPU milliseconds per step over all rounds, and the ratios to "base" (CPU time is the steadier figure
when other processes share the cores), with the load average. Figures only: nothing here is asserted.

Measured (session 7, 2 cores at load 7-9, CPU ratios to base; base_again, the same program, read 0.97-1.00):
- tiny step: o2 0.97-1.06, o3_cheap_llvm 0.93 (compile 1.78x), split4 0.95-1.14, platform_math_off 0.96-1.04,
  no_inline_before_split 0.95-1.08: noise, none lands. YNNPACK off the reductions (ynn_dot: 243 of 447 ynn
  fusions back to XLA's loop emitter) 1.09, to the fusion emitters 1.27, no YNNPACK 1.13, fused dots 1.05, fused
  dots + elementwise 1.34: YNNPACK's reductions pay despite their share of the profile.
- small embed (base: level 1 only): FAST_STEP 1.16 (compile 0.53x), XLA's defaults 1.01, o2 1.02, memory-
  optimised order 1.05, ynn_dot 1.02, split4 1.03, fused dots 0.90 then 1.03 (base_again 1.10 in that run),
  fused dots + reductions 1.01, fused dots + elementwise 1.22: none lands.
Measured (session 8, an AMX VM (Sapphire Rapids class), 2 cores at load 5-8, tiny step, CPU ratios to base):
  emitters 1.16 (compile 2.25x), ynn_fdot 1.93, no_eigen_mt 1.31, base_again 1.03 (and 1.14 in a second run at load
  7.8: the noise floor); xla_cpu_use_multi_output_fusion and xla_cpu_disable_loop_unrolling are no compile options
  of jaxlib 0.10.2 (they exist only as XLA_FLAGS). Base stays.
Measured (session 17, an Intel Xeon VM with AMX, 2 cores at load 6.6-8.9, tiny step, 4 rounds x 4 calls, CPU ratios to
base): onednn 0.99, onednn_cc (oneDNN's custom-call rewriter on too) 0.99, base_again 0.99: the same 1,339 fusions
(346 YNNPACK's) as base; onednn_cc_noynn (YNNPACK off, so the dots are XLA's own) 1.34, compile 1.24x, 1,054 fusions.
Neither puts a oneDNN custom call in the program (checked on a dot and a convolution, also with the options in
XLA_FLAGS at the backend's start; `xla_cpu_use_thunk_runtime` is "no longer supported" in this jaxlib), so no option
here reaches AMX for our products. `--add 'onednn_dot={"xla_cpu_use_onednn": true,
"xla_cpu_experimental_onednn_fusion_type": "LIBRARY_FUSION_TYPE_DOT"}'` (oneDNN fusions of dots: 1,552 fusions, 174
YNNPACK's) compiles (0.93x the CPU s) but aborts the whole process on its first call (oneDNN's "partition compile
failed"), so it is not in the list. Base stays.
Measured (session 21, the VM without AMX, 2 cores at load 6.2-8.4, tiny step, 5 rounds x 4, CPU ratios to base):
vec512 0.97, preset_fast_rt 0.92, tiling_prop 0.95, fast_math 1.00, base_again 1.00, all 1,347 fusions (349
YNNPACK's); preset_fast_rt and tiling_prop again in one process (benchmarks/layers.py --only-step --patch, 5-8 rounds
x 5) 1.006-1.020 and 0.970, with the parameters after 3 steps bit-identical to base's: noise. Base stays.
"""
import argparse
import json
import os
import re
import statistics
import time

import equinox as eqx
import jax

def _ynn(*kinds): return ",".join(f"LIBRARY_FUSION_TYPE_{k}" for k in kinds)


# name: options on top of base ("raw:" names: instead of base). Every key here exists in jaxlib 0.10.2 unless the
# run reports it absent.
CANDIDATES = {
    "base": {},
    "base_again": {},                        # base's program again (JAX reuses it): the noise floor of the ratios
    "fast_step": None,                       # runtime.FAST_STEP on top (for embed: the step's options there too)
    "raw:default": {},                       # XLA's defaults (backend optimisation level 3, fusion emitters on)
    "raw:o1": {"xla_backend_optimization_level": 1},
    "raw:s5": {"xla_backend_optimization_level": 1, "xla_cpu_use_fusion_emitters": False,
               "xla_cpu_parallel_codegen_split_count": 2},  # base before the memory-optimised order
    "o2": {"xla_backend_optimization_level": 2},
    "o3": {"xla_backend_optimization_level": 3},
    "o3_cheap_llvm": {"xla_backend_optimization_level": 3, "xla_llvm_disable_expensive_passes": True},
    "emitters": {"xla_cpu_use_fusion_emitters": True},  # base without the loop emitter of FAST_STEP
    "sched_conc": {"xla_cpu_scheduler_type": "CPU_SCHEDULER_TYPE_CONCURRENCY_OPTIMIZED"},
    "sched_default": {"xla_cpu_scheduler_type": "CPU_SCHEDULER_TYPE_DEFAULT"},
    "sched_mem": {"xla_cpu_scheduler_type": "CPU_SCHEDULER_TYPE_MEMORY_OPTIMIZED"},  # in base (runtime.FAST_STEP)
    "no_conc_opt": {"xla_cpu_enable_concurrency_optimized_scheduler": False},  # default True
    # YNNPACK library fusions: a comma-separated list of full enum names (DOT, ELTWISE, REDUCE, INDIVIDUAL_DOT,
    # INDIVIDUAL_CONVOLUTION after LIBRARY_FUSION_TYPE_; no +/- forms per function). XLA's default is
    # INDIVIDUAL_DOT + REDUCE (a dot and two row sums: 4 ynn fusions by default, 1 with INDIVIDUAL_DOT alone).
    "no_ynn": {"xla_cpu_experimental_ynn_fusion_type": ""},
    "ynn_dot": {"xla_cpu_experimental_ynn_fusion_type": _ynn("INDIVIDUAL_DOT")},  # reductions back to XLA's loops
    "ynn_fdot": {"xla_cpu_experimental_ynn_fusion_type": _ynn("DOT")},  # dots with their fusible neighbours
    "ynn_fdot_elt": {"xla_cpu_experimental_ynn_fusion_type": _ynn("DOT", "ELTWISE")},
    "ynn_dot_emitters": {"xla_cpu_experimental_ynn_fusion_type": _ynn("INDIVIDUAL_DOT"),
                         "xla_cpu_use_fusion_emitters": True},  # reductions to XLA's fusion emitters instead
    "xnn": {"xla_cpu_use_xnnpack": True},     # default False
    "xnn_greedy": {"xla_cpu_experimental_xnn_graph_fusion_mode": "XNN_GRAPH_FUSION_MODE_GREEDY"},
    "onednn": {"xla_cpu_use_onednn": True},
    "onednn_cc": {"xla_cpu_use_onednn": True, "xla_cpu_experimental_onednn_custom_call": True},
    "onednn_cc_noynn": {"xla_cpu_use_onednn": True, "xla_cpu_experimental_onednn_custom_call": True,
                        "xla_cpu_experimental_ynn_fusion_type": ""},
    "fast_math": {"xla_cpu_enable_fast_math": True, "xla_cpu_fast_math_honor_nans": True,
                  "xla_cpu_fast_math_honor_infs": True, "xla_cpu_fast_math_honor_division": True,
                  "xla_cpu_fast_math_honor_functions": True},
    "no_eigen_mt": {"xla_cpu_multi_thread_eigen": False},
    "vec512": {"xla_cpu_prefer_vector_width": 512},
    "no_expensive_llvm": {"xla_llvm_disable_expensive_passes": True},
    "no_inline_before_split": {"xla_llvm_force_inline_before_split": False},
    "split4": {"xla_cpu_parallel_codegen_split_count": 4},
    "platform_math_off": {"xla_cpu_enable_platform_dependent_math": False},
    "preset_fast_rt": {"xla_cpu_opt_preset": "CPU_OPT_PRESET_FAST_RUNTIME"},
    "tiling_prop": {"xla_cpu_experimental_enable_tiling_propagation": True},
}


def _forward(model, inputs, period):
    "The model's forward pass to mean directions over a batch (embed.embed's per-tile-batch program)."
    return jax.vmap(lambda x, p: model(x, p[None]))(inputs, period)


def _count(text: str) -> tuple[int, int]:
    "(fusion instructions, of which YNNPACK/XNNPACK fusions) in a compiled module's text: each runs as one thunk."
    return len(re.findall(r" fusion\(", text)), len(re.findall(r"%[yx]nn_fusion[\w.\-]* = ", text))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--reps", type=int, default=4, help="calls per program per round")
    ap.add_argument("--what", choices=["step", "embed"], default="step",
                    help="the training step, or the forward pass to embeddings (base: runtime.compiler_options())")
    ap.add_argument("--only", default="", help="comma-separated candidate names (base is always included)")
    ap.add_argument("--add", action="append", default=[], metavar='NAME={"opt": value}', help="an extra candidate")
    ap.add_argument("--list", action="store_true", help="print the candidates and exit")
    a = ap.parse_args(argv)
    from alphaearth_nb import runtime
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    cands = dict(CANDIDATES)
    for s in a.add:
        name, _, js = s.partition("=")
        cands[name] = json.loads(js)
    if a.only: cands = {k: v for k, v in cands.items() if k == "base" or k in a.only.split(",") or k in
                        [s.partition("=")[0] for s in a.add]}
    if a.list:
        for k, v in cands.items(): print(f"{k}: {'runtime.FAST_STEP' if v is None else v}")
        return
    os.environ["AEF_FAST_COMPILE"] = "0"  # the jitted step carries no options: each compile below sets its own
    from alphaearth_nb import losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
    os.environ.pop("AEF_FAST_COMPILE")
    base = runtime.compiler_options("cpu", step=a.what == "step") or {}
    cands = {k: dict(runtime.FAST_STEP) if v is None else v for k, v in cands.items()}
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores; preset {a.preset}, batch {a.batch}, {a.what}; base = {base}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    stack, texts, _ = scene.load_scene()
    cfg = preset(a.preset)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, a.preset if a.preset in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, a.batch, seed=0, texts=texts).batch_at(0))
    opt = make_optimizer(TrainConfig(steps=1_000, warmup=10, batch_size=a.batch))
    if a.what == "embed":  # the forward pass to mean directions, as embed.embed runs it per batch of tiles
        low = eqx.filter_jit(_forward).lower(model, batch.inputs, batch.period)
        def call(prog, box): return prog(model, batch.inputs, batch.period)
    else:
        os.environ["AEF_FAST_COMPILE"] = "0"
        try: low = make_train_step(losses.total_loss, opt).jitted.lower(batch, init_state(model, opt))
        finally: os.environ.pop("AEF_FAST_COMPILE")
        def call(prog, box):
            box[0], loss, _ = prog(batch, box[0])
            return loss
    # XLA:CPU's one-time start-up (LLVM, thread pools) on a small program first, so the first candidate's compile
    # (base's) is not charged for it
    jax.jit(lambda x: jax.numpy.tanh(x @ x).sum(0)).lower(jax.numpy.ones((64, 64))).compile(compiler_options=base)
    progs, info = {}, {}
    for name, extra in cands.items():
        opts = dict(extra) if name.startswith("raw:") else {**base, **extra}
        t, c = time.perf_counter(), time.process_time()
        try: prog = low.compile(compiler_options=opts)
        except Exception as e:  # an option this jaxlib does not know, or a bad value
            print(f"{name:18s}: not compiled: {str(e).splitlines()[0][:160]}", flush=True)
            continue
        progs[name] = prog
        info[name] = (time.perf_counter() - t, time.process_time() - c, *_count(prog.compiled.as_text()))
        print(f"{name:18s}: compiled in {info[name][0]:5.1f} s ({info[name][1]:5.1f} CPU s); {info[name][2]} fusions, "
              f"{info[name][3]} ynn/xnn fusions; load {os.getloadavg()[0]:.1f}", flush=True)
    boxes = {k: [init_state(model, opt) if a.what == "step" else None] for k in progs}
    times = {k: [] for k in progs}
    names = list(progs)
    for r in range(a.rounds):
        for k in names[r % len(names):] + names[:r % len(names)]:
            for i in range(a.reps + (r == 0)):
                t, c = time.perf_counter(), time.process_time()
                jax.block_until_ready(call(progs[k], boxes[k]))
                if r or i: times[k].append((time.perf_counter() - t, time.process_time() - c))
        print(f"round {r} done; load average {os.getloadavg()[0]:.1f}", flush=True)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    b = med.get("base")
    print(f"{a.what} per call, median of {a.rounds} interleaved rounds x {a.reps} calls; ratios are candidate/base "
          f"(< 1 is faster); load average {os.getloadavg()[0]:.1f}")
    for k, (w, c) in med.items():
        rat = f"wall {w / b[0]:.2f}, CPU {c / b[1]:.2f}" if b else ""
        print(f"{k:18s}: {w * 1e3:6.1f} ms ({c * 1e3:6.1f} CPU ms); {rat}; compile {info[k][0]:5.1f} s "
              f"({info[k][1]:5.1f} CPU s, ratio {info[k][1] / info['base'][1]:.2f})" if b else "")


if __name__ == "__main__":
    main()
