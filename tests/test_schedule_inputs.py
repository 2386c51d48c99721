"""The schedule's numbers (peak_lr, warmup, steps) are inputs of the compiled step, not its constants: configs that differ
only in them share one compile, with the numbers the step compiled with constants gave (main d316a94), so runs written
before resume to the bit."""
import json
import shutil
from pathlib import Path

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import optax

from alphaearth_nb.checkpoint import load_checkpoint
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import (TrainConfig, fit, init_state, lr_at, lr_schedule, make_optimizer, make_train_step,
                                 read_metrics, schedule_args)

OLD_RUN = Path(__file__).parent / "data" / "run_d316a94"   # fit of the stand-in written by main d316a94 (below)
OLD_CFG = TrainConfig(steps=12, warmup=2, peak_lr=1e-2, batch_size=8, checkpoint_every=6, keep=2)


def arrays(tree):
    return [np.asarray(a) for a in jax.tree.leaves(eqx.filter(tree, eqx.is_array))]


def optax_schedule(cfg):  # the schedule of main d316a94, Python constants
    up = optax.linear_schedule(0.0, cfg.peak_lr, max(cfg.warmup, 1))
    down = optax.linear_schedule(cfg.peak_lr, 0.0, max(cfg.steps - cfg.warmup, 1))
    return optax.join_schedules([up, down], [cfg.warmup])


def test_traced_schedule_is_the_compiled_optax_schedule():
    "lr_at with traced numbers gives, compiled, the float32 values optax's schedule of constants compiles to."
    counts = jnp.arange(0, 1_010, dtype=jnp.int32)
    traced = jax.jit(jax.vmap(lr_at, in_axes=(0, None, None, None)))
    for cfg in (TrainConfig(), TrainConfig(steps=12, warmup=0, peak_lr=3e-3), TrainConfig(steps=12, warmup=12, peak_lr=0.7),
                TrainConfig(steps=1_000, warmup=7, peak_lr=3.3e-4), TrainConfig(steps=997, warmup=13, peak_lr=1e-2)):
        want = np.asarray(jax.jit(jax.vmap(optax_schedule(cfg)))(counts))
        a = schedule_args(cfg)
        np.testing.assert_array_equal(np.asarray(traced(counts, a["peak_lr"], a["warmup"], a["steps"])), want)
        np.testing.assert_array_equal(np.asarray(jax.jit(jax.vmap(lr_schedule(cfg)))(counts)), want)


def test_configs_differing_in_the_schedule_share_one_compiled_step():
    "Three fits differing in peak_lr, warmup and steps trace (so compile) the step once, and each takes the steps a "
    "step compiled for its own config takes, to the bit."
    traces = []
    def counted(model, batch, key):
        traces.append(1)
        return standin_loss(model, batch, key)
    cfgs = [TrainConfig(steps=6, warmup=2, peak_lr=1e-2, batch_size=8), TrainConfig(steps=6, warmup=2, peak_lr=3e-2, batch_size=8),
            TrainConfig(steps=8, warmup=0, peak_lr=0.2, batch_size=8)]
    for cfg in cfgs:
        state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, config=cfg, loss_fn=counted, progress=False)
        ref = init_state(Standin(key=jax.random.PRNGKey(0)), make_optimizer(cfg))
        step, losses = make_train_step(standin_loss, make_optimizer(cfg)), []   # the schedule as constants
        for _, b in zip(range(cfg.steps), standin_batches()):
            ref, loss, _ = step(ref, b)
            losses.append(float(loss))
        assert [h["loss"] for h in hist] == losses, cfg
        for a, b in zip(arrays(state), arrays(ref)): np.testing.assert_array_equal(a, b)
    assert len(traces) == 1, len(traces)


def test_a_step_of_the_schedules_numbers_takes_them_at_each_call():
    "make_train_step of a function of the schedule's numbers: step(state, batch, args), one trace for every args, each "
    "call's update that of its own numbers (a higher peak_lr moves the parameters further)."
    cfg = TrainConfig(steps=10, warmup=0, peak_lr=1e-2)
    traces = []
    def counted(model, batch, key):
        traces.append(1)
        return standin_loss(model, batch, key)
    step = make_train_step(counted, lambda a: make_optimizer(cfg, "flat", a))
    batch, moved = next(standin_batches()), []
    for lr in (1e-3, 1e-2, 1e-1):
        s0 = init_state(Standin(key=jax.random.PRNGKey(0)), make_optimizer(cfg))
        w0 = np.asarray(s0.model.l1.weight)
        s1, _, _ = step(s0, batch, schedule_args(TrainConfig(steps=10, warmup=0, peak_lr=lr)))
        moved.append(float(np.abs(np.asarray(s1.model.l1.weight) - w0).max()))
    assert len(traces) == 1 and moved[0] < moved[1] < moved[2], (traces, moved)
    np.testing.assert_allclose(moved, np.array([1e-3, 1e-2, 1e-1]), rtol=1e-3)   # Adam's first step: lr * sign(g)


def test_a_run_written_before_resumes_to_the_bit(tmp_path):
    "A checkpoint main d316a94 wrote at step 6 of 12 (the schedule compiled in) loads in this version's optimiser "
    "layout and the resumed run's losses of steps 7-12 and final state are those main's own run went on to, to float32 "
    "rounding: the stored run was computed on another CPU (AVX2), and XLA:CPU compiles for the CPU it runs on (AVX-512 "
    "sums in another order), so the last bit may differ (seen: step 9's loss 1 ulp off on an AVX-512 VM, with the "
    "persistent cache off or beside test_fit_inputs). The schedule as inputs against constants to the bit, in one "
    "process, is the tests above."
    run = tmp_path / "run"
    (run / "checkpoints").mkdir(parents=True)
    shutil.copy(OLD_RUN / ".aef-run", run / ".aef-run")
    for suffix in (".eqx", ".json"): shutil.copy(OLD_RUN / "checkpoints" / f"ckpt_00000006{suffix}", run / "checkpoints")
    old = read_metrics(OLD_RUN / "metrics.jsonl")
    (run / "metrics.jsonl").write_text("".join(json.dumps(h) + "\n" for h in old[:6]))
    state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=run, resume=True, config=OLD_CFG,
                      loss_fn=standin_loss, progress=False)
    assert [h["step"] for h in hist] == list(range(1, 13))
    np.testing.assert_allclose([h["loss"] for h in hist], [h["loss"] for h in old], rtol=1e-6)
    assert [h["loss"] for h in hist][:6] == [h["loss"] for h in old][:6]   # the steps before the resume: as written
    like = eqx.filter_eval_shape(init_state, Standin(key=jax.random.PRNGKey(0)), make_optimizer(OLD_CFG))
    want, _ = load_checkpoint(OLD_RUN / "checkpoints" / "ckpt_00000012.json", like)
    for a, b in zip(arrays(state), arrays(want)): np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7)
