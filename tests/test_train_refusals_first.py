"""`aef train` refuses a run folder it may not train into before it says its plan and loads the data: a run there
without --resume or --overwrite, and --resume with --steps below the run's step (steps counts the whole run). Was: the
plan 'aef train: training `tiny` ... the run goes to r' printed, the stack loaded, then fit's refusal."""
import jax.numpy as jnp

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.model import preset


def _setup(tmp_path, monkeypatch, step=3):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step,
                    meta={"preset": "tiny", "model": preset("tiny"), "data_position": step})
    loaded = []
    def open_data(*a, **k): loaded.append(a); raise ConfigError("data loaded")
    monkeypatch.setattr(train_cmd, "open_data", open_data)   # where aef_train looks it up
    return run, loaded


def test_a_run_there_without_resume_is_refused_before_the_plan(tmp_path, capsys, monkeypatch):
    run, loaded = _setup(tmp_path, monkeypatch)
    code = main(["train", "--preset", "tiny", "--out", str(run), "--steps", "5"])
    err = capsys.readouterr().err
    assert code == 2 and not loaded and "holds a run" in err and "--resume" in err, err
    assert "aef train: training" not in err, err


def test_steps_below_the_runs_step_are_refused_before_the_plan(tmp_path, capsys, monkeypatch):
    run, loaded = _setup(tmp_path, monkeypatch, step=3)
    code = main(["train", "--out", str(run), "--resume", "--steps", "2"])
    err = capsys.readouterr().err
    assert code == 2 and not loaded, err
    assert "holds a run at step 3, past --steps 2" in err and "pass --steps 5 to train 2 more" in err, err
    assert "aef train: resuming" not in err, err


def test_a_resume_within_its_steps_goes_on_to_the_data(tmp_path, capsys, monkeypatch):
    run, loaded = _setup(tmp_path, monkeypatch, step=3)
    code = main(["train", "--out", str(run), "--resume", "--steps", "6"])
    err = capsys.readouterr().err
    assert code == 2 and len(loaded) == 1 and "aef train: resuming at step 3" in err, err
