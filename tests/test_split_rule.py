"""`aef`'s host CPU split by the step's work (issue 16, session 57): the command line asked for one JAX CPU device per
idle core (`split_cpu("free")`) whatever it trained, but a step split over 2 host devices is slower by the clock where
each device gets little work (measured on 2 idle cores: `tiny` at batch 2 1.62x, at batch 4 1.28x the wall of one;
`small` at batch 4 0.87x; benchmarks/NOTES.md, "Session 57 step"). Now `aef train` and `aef demo` split only where
each device gets at least `runtime.SPLIT_GFLOP` of the step (`runtime.step_devices`, from the preset and batch of the
command, or of the run on a resume), `AEF_CPU_DEVICES` still the user's override, and `aef train`'s plan says which
and why. The rule, not timings, is asserted: the load average is replaced (`_free_cores`), so any machine gives it."""
import pytest

from alphaearth_nb import runtime
from alphaearth_nb.checkpoint import save_checkpoint


@pytest.fixture
def cores(monkeypatch):
    "`cores(n)`: n cores free to `runtime.step_devices`, whatever the machine's load."
    return lambda n: monkeypatch.setattr(runtime, "_free_cores", lambda: n)


def test_the_split_goes_by_the_work_a_device(cores):
    cores(2)
    tiny2, tiny4, small4, lite2 = (runtime.step_devices(p, b) for p, b in (("tiny", 2), ("tiny", 4), ("small", 4),
                                                                           ("lite", 2)))
    assert tiny2[0] is None and tiny4[0] is None                        # measured slower: one device
    assert "`tiny` at batch 4 would give 2 devices 2.32 GFLOP" in tiny4[1] and "AEF_CPU_DEVICES=2" in tiny4[1]
    assert small4[0] == "2" and "`small` at batch 4 gives each 13.2 GFLOP" in small4[1]   # measured faster: two
    assert lite2[0] == "2"
    odd = runtime.step_devices("small", 5)
    assert odd[0] is None and "batch 5 is odd" in odd[1]
    assert runtime.step_devices(None, 4)[0] == "2"                      # a run of no preset: small's size
    for p, b in (("tiny", 2), ("small", 4)):                            # the rule is the work, whatever the numbers
        per = runtime.STEP_GFLOP[p] * b / 2
        assert (runtime.step_devices(p, b)[0] == "2") == (per >= runtime.SPLIT_GFLOP)


def test_no_split_without_a_free_core_and_more_devices_with_more(cores):
    cores(1)
    busy = runtime.step_devices("small", 4)
    assert busy[0] is None and "no core to spare" in busy[1]
    cores(4)
    assert runtime.step_devices("small", 8)[0] == "4"                   # 13.2 GFLOP each of 4
    assert runtime.step_devices("small", 6)[0] == "3"                   # the most that split the batch
    assert runtime.step_devices("lite", 2)[0] == "2"


def _aef(argv, env, body=False):
    "`aef ARGV` as the shell runs it (split_cpu first): the command's body replaced by a print of its devices, or " \
    "with `body`, run up to `train.fit` (replaced: it stops the command), its plan said."
    stub = ("from alphaearth_nb import train\n"
            "def fit(*a, **k): raise alphaearth_nb.core.ConfigError('stop here')\n"
            "train.fit = fit\n" if body else
            f"cli.COMMANDS[{argv[0]!r}] = lambda a: print(len(jax.devices()), '|', runtime.cpu_devices_note())\n")
    return ("import sys, jax, alphaearth_nb; from alphaearth_nb import cli, runtime\n"
            "runtime._free_cores = lambda: 2\n" + stub +
            f"sys.argv = ['aef', '--no-compile-cache', *{argv!r}]; cli.main()\n"), env


def _devices(r):
    assert r.returncode == 0, r.stderr[-2000:]
    n, note = r.stdout.strip().splitlines()[-1].split(" | ")
    return int(n), note


def test_aef_splits_small_not_tiny_and_the_variable_wins(fresh, tmp_path):
    run = tmp_path / "run"
    import jax.numpy as jnp
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=2,
                    meta={"preset": "tiny", "train": {"steps": 50, "peak_lr": 1e-4, "warmup": 5, "batch_size": 4, "seed": 0}})
    cases = [_aef(["train", "--preset", "tiny"], {}), _aef(["train", "--preset", "small"], {}), _aef(["demo"], {}),
             _aef(["train", "--preset", "tiny"], {"AEF_CPU_DEVICES": "2"}),
             _aef(["train", "--preset", "small"], {"AEF_CPU_DEVICES": "0"}),
             _aef(["train", "--out", str(run), "--resume"], {}),
             _aef(["embed", "--checkpoint", str(run), "--period", "2024", "--out", str(tmp_path / "e.zarr")], {}),
             _aef(["train", "--preset", "tiny", "--steps", "2", "--out", str(tmp_path / "new")], {}, body=True)]
    *rs, plan = fresh(cases, drop=("AEF_CPU_DEVICES", "JAX_NUM_CPU_DEVICES", "XLA_FLAGS"))
    (tiny, tiny_note), (small, small_note), (demo, _), (forced, forced_note), (off, _), (resumed, resumed_note), \
        (other, other_note) = map(_devices, rs)
    assert tiny == 1 and "`tiny` at batch 4 would give 2 devices" in tiny_note, tiny_note   # why one
    assert small == 2 and "`small` at batch 4 gives each 13.2 GFLOP" in small_note, small_note   # why two
    assert demo == 2                                                    # the demo trains small at batch 4
    assert forced == 2 and "AEF_CPU_DEVICES='2'" in forced_note       # the user's override
    assert off == 1
    assert resumed == 1 and "`tiny` at batch 4" in resumed_note        # the run's own preset and batch
    assert other == 2 and "'free'" in other_note                        # other commands: one device per idle core
    assert "\naef train: on JAX's one CPU device (`tiny` at batch 4 would give 2 devices" in plan.stderr, plan.stderr
