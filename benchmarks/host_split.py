"""The training step on one host CPU device against the same step split over two, side by side in one process.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/host_split.py [--preset tiny] [--batch 2] [--rounds 8] [--calls 8]
                                                              [--conc] [--threads]

The step is one chain of thunks: the second core works only inside a thunk (YNNPACK, XLA's split loops), so a
step runs on about one core (sessions 19, 54). This asks whether the batch split over 2 host devices (the CLI's
`AEF_CPU_DEVICES` / `--devices`: the state replicated, the batch sharded, XLA's SPMD partitioner; two chains, one
a device) uses the idle core. The process starts JAX's CPU as 2 host devices (`jax_num_cpu_devices`), then builds,
from one state, the sides it compares:
- `one`: the package's step (`make_train_step`) with the state and batch on device 0 (what runs without the split);
- `two`: the same step with `dist.state_sharding` (replicated) and `dist.batch_sharding` over both devices;
- with `--conc`, `conc`: `one` compiled with XLA:CPU's concurrency-optimised scheduler instead of the memory-optimised
  one of `runtime.FAST_STEP` (more independent thunks in flight; session 19 measured it alone, CPU 1.068x).
First it checks the numerics: the losses of 3 steps from one state, each side against `one` (sharded == single up
to the all-reduce's order of sums). Then `--rounds` rounds, each side `--calls` calls a round in an order that
rotates (each side first as often), every call's wall time (`perf_counter`) and the process's CPU time
(`time.process_time`: all threads, so the second core's work counts) kept. Prints per round each side's medians
and the ratios against `one`, then the medians over rounds of the ratios (wall and CPU), how many rounds each side
won by the clock, and the load average at the start and the end. `--threads` adds each side's CPU by thread
(/proc/self/task, one round's calls): whether the second chain ran on the pool's second thread.
Figures only: nothing here is asserted. On 2 shared cores the split needs both cores at once (the devices meet at
the all-reduce): read wall at the quietest moment you can find, CPU always (benchmarks/NOTES.md#train_step).
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import jax

jax.config.update("jax_num_cpu_devices", 2)  # before anything runs on JAX's CPU

import jax.numpy as jnp  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from alphaearth_nb import dist, losses, runtime, samples  # noqa: E402
from alphaearth_nb.model import AlphaEarth, preset  # noqa: E402
from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step  # noqa: E402


def thread_ticks() -> dict:
    "CPU clock ticks (user + system) of each thread of this process, by thread id (Linux /proc; {} elsewhere)."
    out = {}
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            out[tid] = int(parts[11]) + int(parts[12])
    except OSError:
        return {}
    return out


def build(args):
    "The sides to compare, each a `run()` doing one step on its own copy of one state, and the losses of 3 steps."
    try:
        from alphaearth_nb import scene
        stack, texts, _ = scene.load_scene()
    except ImportError:
        from alphaearth_nb import stacks
        stack, texts = stacks.toy_stack(n_time=24, size=48, days=15), None
    cfg_m = preset(args.preset)
    model = AlphaEarth(cfg_m, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg_m, args.preset if args.preset in samples.SAMPLERS else None)
    batch = samples.Batches(stack, sampler, args.batch, seed=0, texts=texts).batch_at(0)
    tcfg = TrainConfig(steps=1_000, warmup=10, batch_size=args.batch)
    opt = make_optimizer(tcfg)
    state0 = init_state(apply_policy(model, tcfg), opt)
    dev0 = jax.devices()[0]
    copy = lambda t, where: jax.tree.map(lambda x: jax.device_put(jnp.array(x, copy=True), where)
                                         if isinstance(x, jax.Array) else x, t)
    sides = {}
    one_step = make_train_step(losses.total_loss, opt)
    sides["one"] = (one_step, copy(state0, dev0), jax.device_put(batch, dev0))
    mesh = dist.make_mesh(batch_size=args.batch)
    if mesh.devices.size > 1:
        ssh, bsh = dist.state_sharding(state0, mesh), dist.batch_sharding(mesh)
        two_step = make_train_step(losses.total_loss, opt, state_shardings=ssh, batch_shardings=bsh)
        sides["two"] = (two_step, dist.place(copy(state0, dev0), ssh), dist.place(batch, bsh))
    else:
        print(f"batch {args.batch} does not split over 2 devices: `two` left out")
    if args.conc:
        saved = dict(runtime.FAST_STEP)
        runtime.FAST_STEP["xla_cpu_scheduler_type"] = "CPU_SCHEDULER_TYPE_CONCURRENCY_OPTIMIZED"
        try:  # make_train_step reads the options when it is made
            conc_step = make_train_step(losses.total_loss, opt)
        finally:
            runtime.FAST_STEP.clear(); runtime.FAST_STEP.update(saved)
        sides["conc"] = (conc_step, copy(state0, dev0), jax.device_put(batch, dev0))
    runs, firsts, losses3 = {}, {}, {}
    for name, (step, state, b) in sides.items():
        box, ls = [state], []
        def run(box=box, step=step, b=b, ls=ls):
            box[0], loss, _ = step(box[0], b)
            loss.block_until_ready()
            ls.append(float(loss))
        t0 = time.perf_counter(); c0 = time.process_time(); run()
        firsts[name] = (time.perf_counter() - t0, time.process_time() - c0)
        run(); run()
        losses3[name] = list(ls[:3])
        runs[name] = run
    return runs, firsts, losses3


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--calls", type=int, default=8, help="calls a side a round")
    ap.add_argument("--conc", action="store_true", help="also one device with the concurrency-optimised scheduler")
    ap.add_argument("--threads", action="store_true", help="each side's CPU by thread over one round's calls")
    args = ap.parse_args(argv)
    runtime.keep_heap()  # as `aef` and `fit` do
    load0 = os.getloadavg()[0]
    print(f"jax {jax.__version__}, {len(jax.devices())} host devices, {os.cpu_count()} cores; preset {args.preset}, "
          f"batch {args.batch}; load average {load0:.1f}")
    runs, firsts, losses3 = build(args)
    for name in runs:
        print(f"{name}: first call {firsts[name][0]:.1f} s wall, {firsts[name][1]:.1f} s CPU; losses of 3 steps "
              + " ".join(f"{x:.7f}" for x in losses3[name])
              + ("" if name == "one" else f" (largest difference to one's {max(abs(a - b) for a, b in zip(losses3[name], losses3['one'])):.1e})"))
    names = list(runs)
    for run in runs.values():  # settle: the kept heap's buffers faulted in
        for _ in range(3): run()
    wall = {n: [] for n in names}
    cpu = {n: [] for n in names}
    won = {n: 0 for n in names}
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        if (r // len(names)) % 2: order = order[::-1]
        med = {}
        for n in order:
            ws, cs = [], []
            for _ in range(args.calls):
                t0 = time.perf_counter(); c0 = time.process_time()
                runs[n]()
                ws.append(time.perf_counter() - t0); cs.append(time.process_time() - c0)
            med[n] = (statistics.median(ws) * 1e3, statistics.median(cs) * 1e3)
            wall[n].append(med[n][0]); cpu[n].append(med[n][1])
        won[min(names, key=lambda n: med[n][0])] += 1
        print(f"round {r} ({' '.join(order)}): " + "; ".join(
            f"{n} {med[n][0]:.1f} ms wall, {med[n][1]:.1f} CPU" + ("" if n == "one" else
            f" ({med[n][0] / med['one'][0]:.3f}x, {med[n][1] / med['one'][1]:.3f}x)") for n in names)
            + f"; load {os.getloadavg()[0]:.1f}")
    for n in names[1:]:
        rw = [a / b for a, b in zip(wall[n], wall["one"])]
        rc = [a / b for a, b in zip(cpu[n], cpu["one"])]
        print(f"{n}/one over {args.rounds} rounds: wall {statistics.median(rw):.3f}x (median; {sum(x < 1 for x in rw)} "
              f"rounds below 1), CPU {statistics.median(rc):.3f}x ({sum(x < 1 for x in rc)} below 1); medians "
              f"{statistics.median(wall[n]):.1f} against {statistics.median(wall['one']):.1f} ms wall, "
              f"{statistics.median(cpu[n]):.1f} against {statistics.median(cpu['one']):.1f} ms CPU")
    print("fastest by the clock, rounds: " + ", ".join(f"{n} {won[n]}" for n in names))
    if args.threads:
        hz = os.sysconf("SC_CLK_TCK")
        for n in names:
            t0 = thread_ticks()
            for _ in range(args.calls): runs[n]()
            t1 = thread_ticks()
            busy = sorted(((t1[t] - t0.get(t, 0)) * 1e3 / hz / args.calls for t in t1), reverse=True)
            print(f"{n}: CPU ms a call by thread, busiest first: " + ", ".join(f"{b:.1f}" for b in busy if b > 0))
    print(f"load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
