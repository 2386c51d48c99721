"""`aef train` says its plan before any work (session 33): what, on what, where, how many steps (1000 the default, said
so), how long a step of `small` takes, how often it checkpoints, how to stop and go on; it checkpoints every tenth of
the run (was TrainConfig's 1000: the default 1000-step run's first checkpoint was its last), and an interrupted run
is told what it can go on from. Was one line without the length's origin, the checkpoints or Ctrl-C/--resume."""
import pytest

from alphaearth_nb import cli, commands, train
from alphaearth_nb.core import ConfigError
from alphaearth_nb.checkpoint import save_checkpoint


@pytest.fixture
def caught(monkeypatch, capsys):
    "`train.fit` replaced: it records its config and what was said before it, then raises `stop`."
    seen = {}
    def run(argv, stop):
        def fit(net, data, config=None, **k):
            seen.update(config=config, said=capsys.readouterr().err); raise stop
        monkeypatch.setattr(train, "fit", fit)
        rc = cli.main(["--no-compile-cache", "train", *argv])
        return rc, seen, capsys.readouterr().err
    return run


def test_checkpoints_every_tenth():
    assert [commands.checkpoint_every(n) for n in (1000, 30, 5, 1, 20000)] == [100, 3, 1, 1, 1000]


def test_the_bare_command_says_its_plan_first(tmp_path, caught):
    out = tmp_path / "my run"
    rc, seen, _ = caught(["--out", str(out)], ConfigError("stop here"))
    said = seen["said"]
    assert rc == 2 and seen["config"].steps == 1000 and seen["config"].checkpoint_every == 100
    assert said.startswith(f"aef train: training `small` on the sample scene to step 1000 (batch 4); the default "
                           f"--steps: pass --steps N for another length; the run (checkpoints, metrics) goes to {out}, "
                           "a checkpoint every 100 steps and at the end\n"), said
    assert "about 0.5 s a step on 2 idle cores, so about 8 min here" in said          # 1000 x 0.5 s = 8.3 min
    assert f"Ctrl-C stops it, and `aef train --out '{out}' --resume` goes on from its newest checkpoint" in said


def test_a_given_length_is_not_called_the_default(tmp_path, caught):
    rc, seen, _ = caught(["--preset", "tiny", "--steps", "30", "--out", str(tmp_path / "r")], ConfigError("stop"))
    assert seen["config"].checkpoint_every == 3 and "default --steps" not in seen["said"] and "s a step" not in seen["said"]
    assert "a checkpoint every 3 steps and at the end" in seen["said"]


def test_an_interrupted_run_is_told_what_it_goes_on_from(tmp_path, caught):
    rc, _, err = caught(["--steps", "50", "--out", str(tmp_path / "r")], KeyboardInterrupt())
    assert rc == 130 and (f"aef: interrupted: it wrote no checkpoint yet (one every 5 steps): `aef --no-compile-cache train "
                          f"--steps 50 --out {tmp_path / 'r'}` starts it over") in err, err   # the same words: no run began
    import jax.numpy as jnp
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=20,
                    meta={"preset": "tiny", "train": {"steps": 50, "peak_lr": 1e-4, "warmup": 5, "batch_size": 4, "seed": 0}})
    rc, seen, err = caught(["--out", str(run), "--resume"], KeyboardInterrupt())
    assert rc == 130 and seen["config"].steps == 50 and seen["config"].checkpoint_every == 5   # the run's steps
    assert f"aef: interrupted: `aef train --out {run} --resume` goes on from its newest checkpoint, " in err, err
    assert err.rstrip().endswith("20.json"), err   # the step-20 one
