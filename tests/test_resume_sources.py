"""`aef train --resume` with --inputs/--targets other than the run's (field case G3: a fix that works): the run was
trained on sentinel2 (tiny), resumed with --inputs sentinel1. Was: the plan said, the model built with sentinel1,
then equinox's 'has changed shape' with the fix 'build the model with the config in the checkpoint header', which
the command cannot do. Now: refused before any work, naming the run's sources and both fixes."""
import jax.numpy as jnp

from alphaearth_nb import train
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.model import preset


def _run(tmp_path, **meta):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=1, meta=meta)
    return run


def _fit_reached(monkeypatch):
    got = []
    def fit(net, *a, **k): got.append(net); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    return got


def test_other_inputs_on_resume_are_refused_before_any_work(tmp_path, capsys, monkeypatch):
    run = _run(tmp_path, preset="tiny", model=preset("tiny"))   # tiny reads sentinel2 only
    got = _fit_reached(monkeypatch)
    code = main(["train", "--out", str(run), "--resume", "--steps", "3", "--inputs", "sentinel1"])
    err = capsys.readouterr().err
    assert code == 2 and not got, err
    assert f"run {run} was trained with --inputs sentinel2: leave --inputs out" in err, err
    assert "aef train: resuming" not in err and "checkpoint header" not in err, err   # no plan, no Python fix


def test_other_targets_of_a_run_trained_with_sources_are_refused(tmp_path, capsys, monkeypatch):
    run = _run(tmp_path, preset=None, model=preset("tiny", inputs=("landsat",), targets=("landsat", "dem")))
    got = _fit_reached(monkeypatch)
    code = main(["train", "--out", str(run), "--resume", "--steps", "3", "--targets", "landsat"])
    err = capsys.readouterr().err
    assert code == 2 and not got and "was trained with --targets landsat,dem" in err, err


def test_the_runs_own_sources_in_any_order_still_resume(tmp_path, capsys, monkeypatch):
    run = _run(tmp_path, preset=None, model=preset("tiny", inputs=("landsat",), targets=("landsat", "dem")))
    got = _fit_reached(monkeypatch)
    code = main(["train", "--out", str(run), "--resume", "--steps", "3", "--inputs", "landsat", "--targets",
                 "dem,landsat"])
    err = capsys.readouterr().err
    assert code == 2 and "stop here" in err and len(got) == 1, err           # fit was reached
    assert set(got[0].cfg.targets) == {"landsat", "dem"}
