"""A run stopped before its first checkpoint (`aef train --preset tiny --steps 3000 --out run2`, SIGTERM at 25 s) is
resumed as it was begun: `fit` records the run's settings in its `.aef-run` marker as it begins, and `aef train --out
run2 --resume` starts it over at step 0 with them. Was: the resume rebuilt the command's defaults and trained `small`
to 1000 steps, replacing the old metrics, and the interrupt said '--resume would start it over'. A run that recorded
none is refused, naming its rerun with --overwrite; the interrupt message names a command that works."""
import argparse
import functools
import json

import jax
import pytest

from alphaearth_nb import cli, train
from alphaearth_nb.checkpoint import RUN_MARKER, latest_checkpoint, run_folder
from alphaearth_nb.cli import main
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


def test_fit_records_the_runs_settings_as_it_begins(tmp_path):
    out = tmp_path / "run"
    with pytest.raises(KeyboardInterrupt):   # a power cut at batch 2: before the first checkpoint (step 3)
        train.fit(Standin(key=jax.random.PRNGKey(0)), functools.partial(standin_batches, stop_at=2), out=out,
                  steps=6, batch_size=8, checkpoint_every=3, seed=4, loss_fn=standin_loss, progress=False)
    assert latest_checkpoint(out) is None
    s = json.loads((out / RUN_MARKER).read_text()).get("settings", {})   # `checkpoint.run_settings` reads them
    assert s["train"]["steps"] == 6 and s["train"]["batch_size"] == 8 and s["train"]["seed"] == 4, s
    assert s["train"]["warmup"] == 0 and "run" in s and "data_position" not in s
    assert json.loads((out / RUN_MARKER).read_text())["kind"] == "run"


def _stopped_run(out, settings=None):
    "A run folder as `aef train` leaves it when stopped before its first checkpoint (with its settings, or without)."
    with run_folder(out): pass
    if settings is not None:   # as `checkpoint.record_settings` writes them
        (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": settings}))
    (out / "metrics.jsonl").write_text('{"step": 1, "loss": 2.0}\n')


def _fit_called(monkeypatch):
    seen = {}
    def fit(model, data, **k):
        seen.update(k, model=model)
        return type("S", (), {"step": k["config"].steps})(), [{"loss": 1.0}]
    monkeypatch.setattr(train, "fit", fit)
    return seen


TINY = {"preset": "tiny", "train": {"steps": 3000, "batch_size": 2, "seed": 5, "peak_lr": 0.002, "warmup": 300}}


def test_resume_goes_on_with_the_settings_the_run_recorded(tmp_path, monkeypatch, capsys):
    _stopped_run(tmp_path / "run2", TINY)
    seen = _fit_called(monkeypatch)
    assert main(["--no-compile-cache", "train", "--out", str(tmp_path / "run2"), "--resume"]) == 0
    cfg = seen["config"]
    assert seen["model"] == "tiny" and seen["resume"] is True, seen   # was: 'small'
    assert (cfg.steps, cfg.batch_size, cfg.seed, cfg.peak_lr, cfg.warmup) == (3000, 2, 5, 0.002, 300)   # was 1000 steps
    err = capsys.readouterr().err
    assert "with preset 'tiny', the one it recorded as it began (no checkpoint yet: from step 0)" in err, err


def test_a_run_that_recorded_nothing_is_refused_naming_its_rerun(tmp_path, monkeypatch, capsys):
    _stopped_run(tmp_path / "old")   # begun before runs recorded their settings
    seen = _fit_called(monkeypatch)
    out = str(tmp_path / "old")
    assert main(["--no-compile-cache", "train", "--out", out, "--steps", "50", "--resume"]) == 2
    err = capsys.readouterr().err
    assert not seen, "trained the defaults"
    assert "stopped before its first checkpoint that recorded no settings" in err, err
    assert f"`aef --no-compile-cache train --out {out} --steps 50 --overwrite --preset PRESET`" in err, err


def test_the_rerun_of_a_run_that_recorded_nothing_trains_no_defaults_by_example(tmp_path, monkeypatch, capsys):
    "`aef train --out old --resume` alone: the example carries PRESET and STEPS, not the words typed (the defaults)."
    _stopped_run(tmp_path / "old")
    _fit_called(monkeypatch)
    out = str(tmp_path / "old")
    assert main(["train", "--out", out, "--resume"]) == 2
    err = capsys.readouterr().err
    assert f"`aef train --out {out} --overwrite --preset PRESET --steps STEPS`, the capitals the run's own" in err, err
    assert (tmp_path / "old" / "metrics.jsonl").read_text().startswith('{"step": 1')   # left as it was


def _goes_on(out, words):
    a = argparse.Namespace(cmd="train", out=out, steps=3000, argv=words)
    return cli._goes_on(a)


def test_the_interrupt_names_a_command_that_works(tmp_path):
    words = ["train", "--preset", "tiny", "--steps", "3000", "--out", str(tmp_path / "r")]
    _stopped_run(tmp_path / "r", TINY)
    said = _goes_on(tmp_path / "r", words)
    assert said == (f": it wrote no checkpoint yet (one every 300 steps): `aef train --out {tmp_path / 'r'} --resume` "
                    "starts it over at step 0 with the settings it recorded"), said
    _stopped_run(tmp_path / "q")   # stopped before fit recorded them
    said = _goes_on(tmp_path / "q", [*words[:-1], str(tmp_path / "q")])
    assert f"`aef train --preset tiny --steps 3000 --out {tmp_path / 'q'} --overwrite` starts it over" in said, said
    said = _goes_on(tmp_path / "none", [*words[:-1], str(tmp_path / "none")])   # no folder yet: the same words
    assert f"`aef train --preset tiny --steps 3000 --out {tmp_path / 'none'}` starts it over" in said, said
