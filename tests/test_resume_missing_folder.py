"""`aef train --resume --out FOLDER` of a folder that does not exist is refused before the plan and the data
(CheckpointError, exit 2), naming the folder, the runs beside it (nearest name first: a mistyped path) and both fixes.
Was: the plan, then a TrainingWarning 'holds no checkpoint to resume from: starting at step 0' and a new run trained
from step 0 in the mistyped folder. Python's `fit(resume=True)` of a new folder keeps its rule: it starts anew, warned
(`runs.check_run_folder`)."""

import jax.numpy as jnp
import pytest

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import check_run_folder, save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, TrainingWarning


@pytest.fixture
def loaded(monkeypatch):
    "The calls of `open_data` by `aef train` (where it looks it up); each stops there."
    calls = []
    def open_data(*a, **k): calls.append(a); raise ConfigError("data loaded")
    monkeypatch.setattr(train_cmd, "open_data", open_data)
    return calls


def test_resume_of_a_missing_folder_is_refused_naming_the_runs_beside_it(tmp_path, capsys, loaded):
    for name in ("run_a", "run_b"):
        save_checkpoint(tmp_path / name / "checkpoints", {"w": jnp.zeros(2)}, step=1)
    (tmp_path / "notes").mkdir()   # no run: not named
    code = main(["train", "--preset", "tiny", "--out", str(tmp_path / "run_aa"), "--resume", "--steps", "5"])
    err = capsys.readouterr().err
    assert code == 2 and not loaded and not (tmp_path / "run_aa").exists(), err
    assert f"--resume, but {tmp_path / 'run_aa'} does not exist, so there is no run to resume" in err, err
    assert f"(runs in {tmp_path}: run_a, run_b)" in err and "notes" not in err, err
    assert "or leave out --resume to start a new run in" in err and "aef train: training" not in err, err


def test_resume_of_an_existing_folder_still_goes_on_and_pythons_rule_is_kept(tmp_path, capsys, loaded):
    (tmp_path / "empty").mkdir()   # a folder with no checkpoint yet: resumed from step 0, as before
    code = main(["train", "--preset", "tiny", "--out", str(tmp_path / "empty"), "--resume", "--steps", "5"])
    assert code == 2 and len(loaded) == 1, capsys.readouterr().err   # on to the data
    with pytest.warns(TrainingWarning, match="holds no checkpoint to resume from: starting at step 0"):
        assert check_run_folder(tmp_path / "new", resume=True) == tmp_path / "new"   # fit's rule: warned, not refused
