"""One training step of the `tiny` preset at batch 2 on this machine, against a dense float32 matmul's FLOP/s.

    .venv/bin/python benchmarks/train_step.py [--batch 2] [--reps 10] [--preset tiny] [--torch] [--rounds 3]
                                              [--bf16] [--devices N] [--profile N] [--thunks K] [--torch-ops N]

Prints (figures only: nothing here is asserted):
- a header: jax, its devices, the cores, the XLA:CPU pool (runtime.cpu_threads), whether the heap is kept
  (runtime.keep_heap, as `aef` and `fit` do; `AEF_KEEP_HEAP=0`: glibc's defaults) and the load average;
- `dense f32 matmul (2048^3)`: the FLOP/s of a dense float32 matmul measured in this process, the rate the step's
  share is of; with `--bf16` also `dense bf16 -> f32` (bfloat16 operands, float32 sums);
- `embed`: the time to embed a batch (forward pass, mean directions), its FLOPs and share of the matmul's rate;
- `step f32` (`step bf16` with `--bf16`): a full training step, the median (min) of `--reps` calls after warm-up;
  its FLOPs, counted from the jaxpr with scanned blocks times their trip count (flops.py) and, in brackets, by XLA's
  cost analysis (which counts a scanned body once); the achieved FLOP/s and its share of the matmul's; "compile",
  the first call's time (trace + XLA compile + one run; the persistent compile cache is not used here, so it is a
  cold compile); "calls to settle": with the heap kept the step is first called until a call takes under 100 page
  faults (`settle`, at most 12 calls), since XLA:CPU's buffers are faulted back in after the first call, after
  torch ran and at times mid-round, so each round's fault count stays the check;
- with `--torch` (PyTorch importable: the `bench` extra), the straightforward PyTorch re-implementation in
  benchmarks/torch_ref.py (same widths and shapes) timed in `--rounds` interleaved rounds, a `round` line each:
  our step's wall ms, CPU ms, system ms and minor page faults a call (glibc's fresh mmaps of XLA:CPU's buffers,
  which the kept heap removes), torch's step at its default threads and at one thread (the better torch figure is
  the reference, since OpenMP suffers most on a shared machine) with its one thread's CPU time, torch's matmul
  rate, the speed-up torch / JAX (wall) and by CPU time (torch's one thread / our process's CPU a step: the load's
  waits left out of both, which wall counts; since our step runs on about one core (CPU = wall when a core is free,
  session 54) it stays near the idle wall speed-up where wall swings 2-8x with the load) and the load average; then
  `torch step`: torch's median and the median of the rounds' speed-ups, wall (goal >= 2x) and by CPU. With
  `--bf16` too, our bf16 step is timed the same way against torch's forward pass under `torch.autocast` to
  bfloat16 (never our bf16 against torch's f32 alone);
- with `--torch --torch-ops N`, torch_ref's step under torch.profiler (one thread, N steps): each op's least self CPU a
  step, summed by op, by kind (torch_ref.op_kind: conv3, upsample conv, depthwise, dots, norms, layout, ...) and listed
  by op and input shapes, to read op by op and kind by kind against `--profile`'s shortest runs;
- with `--profile N`, N steps (of each policy timed) run under `jax.profiler`: the time of XLA:CPU's thunks per
  source line of the package (forward or backward, from the compiled HLO's stack frames), the place to start when
  the step is slow, with how long 0, 1 or 2 pool threads were inside a thunk at once while a step call ran (the
  parallelism between thunks; k=0 the call's idle time) and the time between calls, and the thunks by duration
  (the dispatch-bound small ones against the large); then each thunk's shortest run of the N summed by kind
  (YNNPACK convolutions, dots and reductions, Eigen's dots, XLA's loop fusions: element-wise, reductions,
  transposes, copies), the shares to read on a loaded machine, where a thunk's time is mostly the other processes'
  (`--profile 20` for them); `--thunks K` adds the K largest of those sums by kind and
  source line (which layer owns the element-wise loops) and the K costliest single thunks with their output shape.

With `--devices N`, JAX's CPU is split into N host devices before it starts (`jax_num_cpu_devices`, as
`AEF_CPU_DEVICES` does at import: runtime.split_cpu) and the step runs data parallel over the most of them that split
`--batch` (state replicated, batch sharded); the header says how many. The embedding and the matmul run on one.
benchmarks/host_split.py times that split against one device side by side in one process (wall and CPU).

Latest figures, `--torch --rounds 3` (2 shared cores, no AMX; step ms is the median, "of matmul" its FLOP/s as a
share of the in-process matmul's, speed-up the median of the rounds' torch / JAX):

    session  main     load     preset  step ms  of matmul  speed-up
    20       2cc0aab  0.9-1.5  tiny      85.3     17%       1.01x    (near idle)
    20       2cc0aab  1.3-1.4  small    255.1     28%       1.24x    (near idle)
    21       7c9e5c7  4.3-5.8  tiny     179.6     27%       1.61x    (at such loads the ratios are the scheduler's)
    21       7c9e5c7  3.7-6.9  small    949.0     16%       0.91x
    47       dc824cf  2.4-4.2  tiny      43.8     24%       1.94x    (AMD EPYC with AVX-512, `--rounds 2 --reps 5`)
    47       dc824cf  4.0-5.9  small    185.0     31%       2.87x    (the same machine; both goals met)
    48       19ff515  0.9-2.0  tiny      42.1     24%       1.36x    (the same machine, `--rounds 2`)
    48       19ff515  2.0-5.1  small    175.1     39%       3.17x    (both goals met; compile 27.1 s, goal < 20 s)
    54       f65dc79  6.1-9.8  tiny      37.7      -        3.96x    (the same machine; by CPU 1.66x: rounds 1.65-1.66)
    54       f65dc79  3.4-5.5  tiny      44.6     26%       1.54x    (by CPU 1.51x; round 0, no waits: 35.3 ms, 33%, 1.54x)
    54       f65dc79  7.2-12.5 small    333.0      -        1.35x    (by CPU 1.65x: rounds 1.48-1.66)

Sessions 47-48's small figures met both speed goals at loads of 2-5, but at loads above ~2 the wall ratios are the
scheduler's (session 54: torch's one thread's wall 2-3x its CPU, our step's 1.0-4.1x, round by round), and quieter runs
(session 51, load 0.4-1.2: tiny 18% and 1.49x, small 25% and 1.55x) and the CPU ratios of session 54 (1.65-1.66x for
both presets; "of matmul" left out, its matmul cut to a fifth by the load) say neither goal is met; nor small's
compile goal at a load of 3 (27.1 s).
History of measurements: benchmarks/NOTES.md#train_step
"""
import argparse
import collections
import os
import re
import resource
import tempfile
import statistics
import sys
import time
from pathlib import Path

import equinox as eqx
import jax
import jax.numpy as jnp

sys.path.insert(0, str(Path(__file__).parent))
from flops import count_flops, xla_flops  # noqa: E402

from alphaearth_nb import dist, losses, nn, runtime, samples, stacks
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.nn import count_params
from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step, train_step


def median_time(fn, reps: int, warm: int = 2) -> tuple[float, float]:
    "Median and min seconds of `fn()` (which must block) over `reps` runs after `warm` warm-up runs."
    for _ in range(warm): fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts), min(ts)


def settle(run, most: int = 12, faults: int = 100) -> int:
    "With the heap kept (runtime.KEPT_HEAP): call `run()` until a call takes fewer than `faults` minor page faults, at "
    "most `most` calls, and return how many ran (0 with glibc's defaults, whose faults never stop). After the first "
    "call, after torch ran in this process (its allocations share glibc's one arena) and at times between, small's "
    "step faults XLA:CPU's buffers back in for several calls (7,581 faults and 13-26 system ms a call, session 21), "
    "which the timed calls would otherwise count from the start."
    if not runtime.KEPT_HEAP: return 0
    for i in range(1, most + 1):
        f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        run()
        if resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0 < faults: return i
    return most


def _hlo_sources(hlo: str) -> dict:
    "Instruction name -> (forward/backward, innermost package line) from a compiled module's text and stack frames."
    tables, sec = {"FileNames": {}, "FunctionNames": {}, "FileLocations": {}, "StackFrames": {}}, None
    for ln in hlo.split("\n"):
        if ln in tables: sec = ln; continue
        m = re.match(r"^(\d+) (.*)$", ln) if sec else None
        if not m: sec = None if not ln.strip() and sec == "StackFrames" else sec; continue
        i, rest = int(m.group(1)), m.group(2)
        if sec in ("FileNames", "FunctionNames"): tables[sec][i] = rest.strip('"')
        else: tables[sec][i] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", rest)}
    def where(fid):
        seen = set()
        while fid in tables["StackFrames"] and fid not in seen:  # parent ids count from 1
            seen.add(fid); fr = tables["StackFrames"][fid]; loc = tables["FileLocations"][fr["file_location_id"]]
            path = tables["FileNames"][loc["file_name_id"]]
            if "/alphaearth_nb/" in path:  # the innermost frame in the package
                return f"{path.split('/')[-1]}:{loc['line']} {tables['FunctionNames'][loc['function_name_id']]}"
            fid = fr["parent_frame_id"] - 1
        return "?"
    out = {}
    for m in re.finditer(r'^\s*(?:ROOT )?%([\w.\-]+) = .*?op_name="([^"]*)".*?stack_frame_id=(\d+)', hlo, re.M):
        out.setdefault(m.group(1), ("bwd" if "transpose(" in m.group(2) else "fwd", where(int(m.group(3)))))
    return _layout_sources(hlo, out)


LAYOUT = " (its operands' layout)"  # the mark of a thunk XLA inserted, read from the thunk it feeds (_layout_sources)

def _layout_sources(hlo: str, out: dict) -> dict:
    "`out` (instruction -> (direction, line)) with each transpose or copy fusion that has no stack frame given the " \
    "line of the first instruction it feeds that has one, marked `LAYOUT`: XLA:CPU inserts such fusions without " \
    "metadata where an operand needs another layout: 89 of small's 95 such transposes lay out conv3's weight-" \
    "gradient operands (the Upsample conv's too; each chunk of frames with the frames minor) and kernels for " \
    "YNNPACK, 4 TimePool's einsum operands (session 53); before, the profile listed them all under '?'."
    users = {}
    for m in re.finditer(r"^\s*(?:ROOT )?%([\w.\-]+) = (?:\(.*?\)|\S+) [\w\-]+\((.*?)\)", hlo, re.M):
        for operand in re.findall(r"%([\w.\-]+)", m.group(2)): users.setdefault(operand, []).append(m.group(1))
    for name in [n for n in users if n not in out and n.startswith(("transpose", "copy"))]:
        todo, seen = list(users[name]), set()
        while todo:  # through bitcasts and other unattributed users, breadth first
            u = todo.pop(0)
            if u in seen: continue
            seen.add(u)
            if u in out and not out[u][1].endswith(LAYOUT): out[name] = (out[u][0], out[u][1] + LAYOUT); break
            todo += users.get(u, [])
    return out


def _hlo_shapes(hlo: str) -> dict:
    "Instruction name -> its output shape (with layout) and opcode, from a compiled module's text."
    return {m.group(1): (m.group(2), m.group(3))
            for m in re.finditer(r'^\s*(?:ROOT )?%([\w.\-]+) = (\(.*?\)|\S+) ([\w\-]+)\(', hlo, re.M)}


COPY_OPS = {"parameter", "copy", "bitcast", "slice", "pad", "concatenate", "reshape", "broadcast", "constant",
            "dynamic-slice", "dynamic-update-slice", "tuple", "get-tuple-element"}


def _thunk_kinds(hlo: str) -> dict:
    "Instruction name -> its kind: `ynn_convolution`, `ynn_dot`, `ynn_reduce`, `ynn_other` (YNNPACK fusions by what "
    "they hold), `loop_reduce`, `loop_transpose`, `loop_copy` (copies, pads, slices, concatenates only), "
    "`loop_elementwise` (XLA's own loop fusions), else the opcode (`dot`: Eigen's, `convolution`, ...)."
    comps = {m.group(1): set(re.findall(r" = (?:\(.*?\)|\S+) ([\w\-]+)\(", m.group(2)))
             for m in re.finditer(r"^(?:ENTRY )?%([\w.\-]+) \(.*?\{\n(.*?)\n\}", hlo, re.M | re.S)}
    out = {}
    for m in re.finditer(r"^\s*(?:ROOT )?%([\w.\-]+) = (?:\(.*?\)|\S+) ([\w\-]+)\((.*)$", hlo, re.M):
        name, op, rest = m.groups()
        if op != "fusion": out[name] = op; continue
        ops = comps.get((re.search(r"calls=%([\w.\-]+)", rest) or [None, ""])[1], set())
        if name.startswith(("ynn", "xnn")):
            out[name] = "ynn_" + next((o for o in ("convolution", "dot", "reduce") if o in ops), "other")
        else:
            out[name] = ("loop_reduce" if "reduce" in ops else "loop_transpose" if "transpose" in ops
                         else "loop_copy" if ops <= COPY_OPS else "loop_elementwise")
    return out


def _shortest_by(low: dict, per_n: dict, n: int, key) -> tuple[collections.Counter, collections.Counter]:
    "Each leaf thunk's shortest run in ns (`low`, by name) times its runs a step (`per_n` over `n` steps), summed by "
    "`key(name)`, and how many thunks each key holds; containers (cond, while, call) are left out, as they hold the "
    "thunks they run."
    sums, count = collections.Counter(), collections.Counter()
    for name, ns in low.items():
        if name.startswith(("cond", "while", "call")): continue
        sums[key(name)] += ns * max(1, per_n[name] // n); count[key(name)] += 1
    return sums, count


CALL = "train_step.call"  # the trace annotation around each traced step call (`profile`)

def _is_thunk(name: str) -> bool:
    "Whether an event on XLA:CPU's threads is a thunk: not the executor's own spans (ThunkExecutor, Await, 'end:' " \
    "markers) nor its thread pool's listener events (`ThreadpoolListener::StartRegion`, `StopRegion`, `Record`: " \
    "3,766 a `small` step, all under 5 us, counted as thunks until session 45)."
    return not ("ThunkExecutor" in name or "Await" in name or "ThreadpoolListener" in name or name.startswith("end:"))


def _threads_busy(edges: list, calls: list) -> tuple[collections.Counter, int]:
    "From leaf thunks' edges `(time, +1/-1, thread)` and the traced step calls' spans `(start, end)`: the ns with k " \
    "threads inside a leaf thunk while a call runs (k = 0: the call's idle time: dispatch, waits, preemption) and the " \
    "ns between calls (Python and the profiler's, no step running); with no calls, the edges' whole span counts."
    points = sorted(edges + [(a, 2, None) for a, _ in calls] + [(b, -2, None) for _, b in calls])
    if not calls: points = [(points[0][0], 2, None)] + points if points else []
    running, k_ns, outside, depth = collections.Counter(), collections.Counter(), 0, 0
    last = points[0][0] if points else 0
    for t, d, li in points:
        if depth > 0 and t > last: k_ns[sum(v > 0 for v in running.values())] += t - last
        elif t > last: outside += t - last
        last = t
        if li is None: depth += 1 if d > 0 else -1
        else: running[li] += d
    return k_ns, outside


def profile(run, compiled_text: str, n: int, top: int = 25, thunks_top: int = 0):
    "Run `run()` n times under jax.profiler; print XLA:CPU thunk time per (direction, source line), most first; with "
    "`thunks_top`, also the costliest single thunks with their output shape and source line."
    src = _hlo_sources(compiled_text)
    with tempfile.TemporaryDirectory() as d:
        with jax.profiler.trace(d):
            for _ in range(n):
                with jax.profiler.TraceAnnotation(CALL): run()
        data = jax.profiler.ProfileData.from_file(str(next(Path(d).rglob("*.xplane.pb"))))
    agg, cnt, total, thunks = collections.Counter(), collections.Counter(), 0, 0
    per, per_n, low = collections.Counter(), collections.Counter(), {}  # low: a thunk's shortest run in the n steps
    edges, sizes, calls = [], collections.Counter(), []  # leaf thunks' (time, +1/-1, thread); time per duration bucket
    for plane in data.planes:
        for li, line in enumerate(plane.lines):
            for ev in line.events:
                if ev.name == CALL: calls.append((ev.start_ns, ev.start_ns + ev.duration_ns)); continue
                if line.name == "python" or not _is_thunk(ev.name): continue
                key = src.get(ev.name, ("?", ev.name.split(".")[0]))
                agg[key] += ev.duration_ns; cnt[key] += 1; total += ev.duration_ns; thunks += 1
                per[ev.name] += ev.duration_ns; per_n[ev.name] += 1
                low[ev.name] = min(low.get(ev.name, ev.duration_ns), ev.duration_ns)
                if not ev.name.startswith(("cond", "while", "call")):  # containers hold the thunks they run
                    edges += [(ev.start_ns, 1, (plane.name, li)), (ev.start_ns + ev.duration_ns, -1, (plane.name, li))]
                    b = next(b for b in (5, 20, 100, 300, float("inf")) if ev.duration_ns < b * 1e3)
                    sizes[b, "n"] += 1; sizes[b, "ns"] += ev.duration_ns
    print(f"profile: {total / n / 1e6:.1f} ms of XLA:CPU thunks per step ({thunks // n} thunks, all threads); top lines:")
    k_ns, between = _threads_busy(edges, calls)  # how long 0, 1, 2... threads were inside a leaf thunk
    print("  ms per step with k threads in a thunk (inside the step calls): "
          + ", ".join(f"k={k} {v / n / 1e6:.1f}" for k, v in sorted(k_ns.items())) + f"; between calls {between / n / 1e6:.1f}"
          + "; leaf thunks by duration: "
          + ", ".join(f"{'<%g' % b if b < 1e9 else '>=300'} us {sizes[b, 'n'] // n}x {sizes[b, 'ns'] / n / 1e6:.1f} ms" for b in (5, 20, 100, 300, float("inf"))))
    for (d, where), ns in agg.most_common(top):
        print(f"  {ns / n / 1e6:7.2f} ms {ns / total:5.1%} {cnt[(d, where)] // n:5d}x  {d} {where}")
    # each thunk's shortest run (times its runs a step): the time it takes when no other process preempts it, so the
    # shares below hold on a loaded machine where the sums above swing with the load (session 30)
    kinds = _thunk_kinds(compiled_text)
    lows, lcnt = _shortest_by(low, per_n, n, lambda name: kinds.get(name, "?"))
    low_total = sum(lows.values()) or 1
    print(f"each thunk's shortest run, summed: {low_total / 1e6:.1f} ms a step; by kind: "
          + ", ".join(f"{k} {v / 1e6:.1f} ms {v / low_total:.0%} ({lcnt[k]})" for k, v in lows.most_common() if v >= 0.005 * low_total))
    if not thunks_top: return
    # the same by kind and source line: which layer owns the element-wise loops and transposes (session 31)
    by_line, nline = _shortest_by(low, per_n, n, lambda name: (kinds.get(name, "?"),) + src.get(name, ("", "?")))
    print("shortest runs by kind and source line (ms a step, thunks):")
    for (k, d, where), ns in by_line.most_common(thunks_top):
        print(f"  {ns / 1e6:7.2f} ms {nline[k, d, where]:4d}x  {k:17s} {d} {where}")
    shapes = _hlo_shapes(compiled_text)
    print("costliest thunks (ms per step, calls per step, name, opcode, output shape, source line):")
    for name, ns in per.most_common(thunks_top):
        shape, op = shapes.get(name, ("?", "?"))
        d, where = src.get(name, ("", ""))
        print(f"  {ns / n / 1e6:7.2f} ms {per_n[name] // n:3d}x  {name:32s} {op:12s} {shape[:48]:48s} {d} {where}")


def matmul_peak(n: int = 2048, reps: int = 10, dtype=jnp.float32) -> float:
    "FLOP/s of a dense n x n matmul, the practical peak of this machine under XLA: float32, or of `dtype` operands "
    "(bfloat16) summed and returned in float32 (on CPUs with AMX, the only bfloat16 product XLA:CPU runs on it)."
    a = jax.random.normal(jax.random.PRNGKey(0), (n, n), jnp.float32).astype(dtype)
    b = jax.random.normal(jax.random.PRNGKey(1), (n, n), jnp.float32).astype(dtype)
    f = jax.jit(lambda a, b: jnp.matmul(a, b, preferred_element_type=jnp.float32))
    med, _ = median_time(lambda: f(a, b).block_until_ready(), reps)
    return 2 * n**3 / med


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--bf16", action="store_true", help="also time the step with bf16 compute")
    ap.add_argument("--torch", action="store_true", help="time the PyTorch reference (benchmarks/torch_ref.py) too")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved JAX / torch rounds with --torch")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="trace N steps (each policy timed): thunk time per source line")
    ap.add_argument("--thunks", type=int, default=0, metavar="K", help="with --profile: also the K costliest thunks")
    ap.add_argument("--torch-ops", type=int, default=0, metavar="N", help="with --torch: torch.profiler over N torch "
                    "steps at one thread, each op's least self CPU (torch_ref.op_profile), to read against --profile's")
    ap.add_argument("--devices", type=int, default=0, metavar="N", help="N host CPU devices (jax_num_cpu_devices, set "
                    "before JAX starts): the step's batch split over the most of them that divide it (default: JAX's "
                    "count, 1 on CPU unless AEF_CPU_DEVICES or XLA_FLAGS says more)")
    args = ap.parse_args(argv)
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX starts (AEF_KEEP_HEAP=0: glibc's defaults, for comparison)
    if args.devices: jax.config.update("jax_num_cpu_devices", args.devices)  # before anything runs on JAX's CPU
    mesh = dist.make_mesh(batch_size=args.batch)  # on host CPU devices: the most that split the batch
    print(f"jax {jax.__version__} on {jax.devices()[0].platform} x{len(jax.devices())}, {os.cpu_count()} CPU cores; "
          f"preset {args.preset}, batch {args.batch}, step on {mesh.devices.size} device(s); XLA:CPU pool {os.environ.get('NPROC', 'jaxlib default')} threads "
          f"(runtime.cpu_threads), heap kept {runtime.KEPT_HEAP} (runtime.keep_heap; AEF_KEEP_HEAP=0 off); load average {os.getloadavg()[0]:.1f} (other processes slow every figure)")
    peak0 = matmul_peak()
    peak_bf0 = matmul_peak(dtype=jnp.bfloat16) if args.bf16 else 0.0

    try:
        from alphaearth_nb import scene
        stack, texts, _ = scene.load_scene()
        print("data: the committed sample scene")
    except ImportError:  # before the scene module exists
        stack, texts = stacks.toy_stack(n_time=24, size=48, days=15), None
        print("data: stacks.toy_stack (scene.py not importable)")
    cfg_m = preset(args.preset)
    model = AlphaEarth(cfg_m, key=jax.random.PRNGKey(0))
    n_params = count_params(model)
    sampler = samples.sampler_config(cfg_m, args.preset if args.preset in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, args.batch, seed=0, texts=texts).batch_at(0))
    frames = {k: int(f.frame.shape[1]) for k, f in batch.inputs.items()}
    print(f"parameters {n_params:,}; patch {sampler.patch}; frames per source {frames}")

    # embed: the forward pass to mean directions for the shared summary period
    embed = eqx.filter_jit(lambda m, inputs, period: jax.vmap(lambda x, p: m(x, p[None]))(inputs, period))
    # (a cold compile of the model's forward pass; embed.embed adds the tiling around the same call)
    t0 = time.perf_counter(); embed(model, batch.inputs, batch.period).block_until_ready(); t_embed_compile = time.perf_counter() - t0
    t_embed, _ = median_time(lambda: embed(model, batch.inputs, batch.period).block_until_ready(), args.reps)
    fx_embed = xla_flops(embed.lower(model, batch.inputs, batch.period).compile())
    with nn.traced_for(jax.default_backend()):  # count the branch of each nn.on_platform that runs, not the costliest
        f_embed = count_flops(lambda m, i, p: jax.vmap(lambda x, q: m(x, q[None]))(i, p), model, batch.inputs, batch.period)

    results, runs = {}, {}
    for bf16 in ([False, True] if args.bf16 else [False]):
        tcfg = TrainConfig(steps=1_000, warmup=10, batch_size=args.batch, bf16=bf16)
        opt = make_optimizer(tcfg)
        state = init_state(apply_policy(model, tcfg), opt)  # the one precision policy: bf16 in the encoder
        if mesh.devices.size > 1:  # data parallel over host CPU devices (--devices): the batch split, state replicated
            ssh, bsh = dist.state_sharding(state, mesh), dist.batch_sharding(mesh)
            step = make_train_step(losses.total_loss, opt, state_shardings=ssh, batch_shardings=bsh)
            state, sbatch = dist.place(state, ssh), dist.place(batch, bsh)
        else:
            step, sbatch = make_train_step(losses.total_loss, opt), batch
        box = [state]
        def run():
            box[0], loss, _ = step(box[0], sbatch)
            loss.block_until_ready()
        t0 = time.perf_counter(); run(); t_compile = time.perf_counter() - t0  # the first call: a cold compile
        # the programs that run (on the CPU two since session 11: loss and gradients, then the update); thunk names
        # can repeat between them, the first program's source line wins in the profile
        progs = [lo.compile() for lo in (step.lower(box[0], sbatch) if hasattr(step, "lower")
                                         else [step.jitted.lower(sbatch, box[0])])]
        fx_step = sum(xla_flops(c) for c in progs)
        text = "\n".join(getattr(c, "compiled", c).as_text() for c in progs)
        if args.profile:
            print(f"step {'bf16' if bf16 else 'f32'}:")
            profile(run, text, args.profile, thunks_top=args.thunks)
        with nn.traced_for(jax.default_backend()):  # count the branch of each nn.on_platform that runs
            f_step = count_flops(lambda b, s: train_step(s, b, losses.total_loss, opt), batch, box[0])
        settled = settle(run)
        t_step, t_min = median_time(run, args.reps)
        runs[bf16] = run
        results[bf16] = (t_step, t_min, f_step, fx_step, t_compile, settled)

    peak = max(peak0, matmul_peak())  # before and after the model: the less contended figure
    print(f"dense f32 matmul (2048^3): {peak / 1e9:.1f} GFLOP/s; load average now {os.getloadavg()[0]:.1f}")
    peak_bf = max(peak_bf0, matmul_peak(dtype=jnp.bfloat16)) if args.bf16 else 0.0
    if args.bf16: print(f"dense bf16 -> f32 matmul (2048^3, bfloat16 operands, float32 sums): {peak_bf / 1e9:.1f} GFLOP/s")
    print("FLOPs: counted from the jaxpr with scan trip counts (flops.py); XLA's cost_analysis counts a scanned body once")
    print(f"embed  (batch {args.batch}): median {t_embed * 1e3:.1f} ms, {f_embed / 1e9:.3f} GFLOP (XLA {fx_embed / 1e9:.3f}), "
          f"{f_embed / t_embed / 1e9:.1f} GFLOP/s = {f_embed / t_embed / peak:.0%} of matmul; compile {t_embed_compile:.1f} s")
    for bf16, (t_step, t_min, f_step, fx_step, t_compile, settled) in results.items():
        tag = "bf16" if bf16 else "f32 "
        print(f"step {tag} (batch {args.batch}): median {t_step * 1e3:.1f} ms (min {t_min * 1e3:.1f}), {f_step / 1e9:.3f} GFLOP (XLA {fx_step / 1e9:.3f}), "
              f"{f_step / t_step / 1e9:.1f} GFLOP/s = {f_step / t_step / peak:.0%} of matmul"
              + (f" ({f_step / t_step / peak_bf:.0%} of the bf16 one)" if bf16 else "") + f"; compile {t_compile:.1f} s; {settled} calls to settle")

    if not args.torch:
        return
    try:
        import torch
        import torch_ref
    except ImportError as e:
        print(f"PyTorch reference skipped: {e} (pip install torch --index-url https://download.pytorch.org/whl/cpu)")
        return
    threads = torch.get_num_threads()
    if args.torch_ops: torch_ref.op_profile(batch, cfg_m, args.torch_ops)
    def cpu_ms(fn, reps):
        "Median process CPU milliseconds of `fn()` (less sensitive than wall time to other processes' load), and the "
        "mean system milliseconds and page faults (minor) a call: XLA:CPU's buffers mmapped afresh (runtime.KEPT_HEAP)."
        cs, r0 = [], resource.getrusage(resource.RUSAGE_SELF)
        for _ in range(reps):
            c0 = time.process_time(); fn(); cs.append((time.process_time() - c0) * 1e3)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        return statistics.median(cs), (r1.ru_stime - r0.ru_stime) * 1e3 / reps, (r1.ru_minflt - r0.ru_minflt) / reps
    rows = {bf16: [] for bf16 in runs}
    for r in range(args.rounds):  # interleaved, so both see the same neighbours on a shared machine
        for bf16, run in runs.items():  # with --bf16 also ours in bfloat16 against torch under bf16 autocast
            tag = "bf16 " if bf16 else ""
            n_settle = settle(run)  # the calls after torch's faulted XLA:CPU's buffers back in
            t_jax, _ = median_time(run, args.reps, warm=1)
            c_jax, sys_jax, flt_jax = cpu_ms(run, args.reps)
            t_tn, _, tpeak, _ = torch_ref.time_step(batch, cfg_m, reps=args.reps, bf16=bf16)
            torch.set_num_threads(1)
            t_t1, _, _, c_t1 = torch_ref.time_step(batch, cfg_m, reps=args.reps, bf16=bf16)
            torch.set_num_threads(threads)
            t_torch = min(t_tn, t_t1)
            rows[bf16].append((t_jax, t_torch, os.getloadavg()[0], c_t1 * 1e3 / c_jax))
            print(f"round {r}: JAX {tag}step {t_jax * 1e3:.1f} ms (CPU {c_jax:.0f} ms, system {sys_jax:.0f} ms, {flt_jax:,.0f} page faults; {n_settle} calls to settle); torch {tag}step {t_tn * 1e3:.1f} ms "
                  f"({threads} threads), {t_t1 * 1e3:.1f} ms (1 thread; CPU {c_t1 * 1e3:.0f} ms); torch matmul {tpeak / 1e9:.1f} "
                  f"GFLOP/s; JAX/torch speed-up {t_torch / t_jax:.2f}x (wall), {rows[bf16][-1][3]:.2f}x (CPU: torch's "
                  f"one thread / our process); load average {rows[bf16][-1][2]:.1f}")
    for bf16, rs in rows.items():
        ratio = statistics.median(t / j for j, t, _, _ in rs)
        t_torch = statistics.median(t for _, t, _, _ in rs)
        by_cpu = statistics.median(c for *_, c in rs)
        what = "bf16 (torch: autocast to bfloat16)" if bf16 else "f32"
        print(f"torch step {what} (batch {args.batch}, the faster of its thread settings): median {t_torch * 1e3:.1f} "
              f"ms; JAX is {ratio:.2f}x as fast (median of {len(rs)} interleaved rounds' ratios; goal >= 2x; "
              f"by CPU time {by_cpu:.2f}x; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
