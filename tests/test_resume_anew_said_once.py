"""A run stopped before its first checkpoint, its settings recorded: a plain rerun was told 'pass resume=True
(`--resume`) to continue it', yet `--resume` starts it over at step 0; `aef train --resume` then said the start over
twice (its info line '... (no checkpoint yet: from step 0)' and fit's TrainingWarning '... holds no checkpoint to
resume from: starting at step 0'). Now the rerun is told `--resume` starts it over with its recorded settings, and
the resume says so once."""
import json
import warnings

import pytest

from alphaearth_nb import train
from alphaearth_nb.checkpoint import RUN_MARKER, check_run_folder, run_folder
from alphaearth_nb.cli import main
from alphaearth_nb.core import OutputExistsError

TINY = {"preset": "tiny", "train": {"steps": 3000, "batch_size": 2, "seed": 5, "peak_lr": 0.002, "warmup": 300}}


def _stopped(out):
    with run_folder(out): pass
    (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": TINY}))


def test_a_plain_rerun_is_told_resume_starts_it_over(tmp_path, capsys):
    _stopped(tmp_path / "r")
    with pytest.raises(OutputExistsError) as e: check_run_folder(tmp_path / "r")
    assert "pass resume=True (`--resume`) to start it over at step 0 with the settings it recorded" in str(e.value)
    assert "to continue it" not in str(e.value), e.value
    assert main(["train", "--preset", "tiny", "--steps", "5", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "pass --resume to start it over at step 0 with the settings it recorded, --overwrite" in err, err


class Compiled(Exception): "Raised where the step would compile: every word before it said."


@pytest.mark.parametrize("preset", [[], ["--preset", "tiny"]])
def test_resume_says_the_start_over_once(tmp_path, capsys, monkeypatch, preset):
    _stopped(tmp_path / "r")
    monkeypatch.setattr(train, "_cached_step", lambda *a: (_ for _ in ()).throw(Compiled()))
    with warnings.catch_warnings(record=True) as w, pytest.raises(Compiled):
        warnings.simplefilter("always")
        main(["--no-compile-cache", "train", "--out", str(tmp_path / "r"), "--resume", *preset])
    err = capsys.readouterr().err
    said = [str(x.message) for x in w if "no checkpoint" in str(x.message)]
    lines = [ln for ln in err.splitlines() if "no checkpoint" in ln]
    assert len(said) + len(lines) == 1 and "from step 0" in lines[0], (said, err)   # was: a line and a warning
