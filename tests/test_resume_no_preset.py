"""`aef train --resume` of a run whose checkpoint names no preset takes the model config the checkpoint records, never
a preset guessed. Was (session 37): the preset of its size, else `small`: a run of `preset('tiny', d_space=128)`
(trained in Python) resumed as `small` and failed in equinox's words ('changed shape ... build the model with the
config in the checkpoint header', which the command cannot do); a run trained from a model object resumed as `small`
too. The training step is never reached here (fit is stopped where it is called)."""
import jax.numpy as jnp
import pytest
import xarray as xr

from alphaearth_nb import train
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.model import preset
from alphaearth_nb.stacks import toy_stack


@pytest.fixture(scope="module")
def s2_zarr(tmp_path_factory):
    p = tmp_path_factory.mktemp("s2") / "s2.zarr"
    xr.DataTree.from_dict({"sentinel2": toy_stack(size=48)["sentinel2"].to_dataset()}).to_zarr(p, consolidated=False)
    return p


def _run(tmp_path, meta):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=1, meta=meta)
    return run


def _train(monkeypatch, capsys, argv):
    got = {}
    def fit(net, stack, **k): got.update(net=net, sampler=k.get("sampler")); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    code = main(["train", *argv])
    return code, capsys.readouterr().err, got


def test_a_config_of_no_preset_resumes_as_recorded(s2_zarr, tmp_path, monkeypatch, capsys):
    mine = preset("tiny", d_space=128)   # tiny's widths but one: no preset's size
    run = _run(tmp_path, {"preset": None, "model": mine})
    code, err, got = _train(monkeypatch, capsys, ["--data", str(s2_zarr), "--out", str(run), "--resume", "--steps", "3"])
    assert code == 2 and "stop here" in err, err   # fit was reached
    assert "resuming" in err and "the model config its checkpoint records (a model of no preset" in err, err
    assert "training the run's own model (of no preset)" in err, err   # the plan names no preset it does not train
    net = got["net"].cfg
    assert net.stp == mine.stp and net.stp.d_space == 128 and (net.inputs, net.targets) == (mine.inputs, mine.targets)
    assert net.embed_dim == mine.embed_dim and net.decoder_width == mine.decoder_width   # tiny's, not small's 128


def test_a_preset_given_for_a_run_of_no_preset_is_refused(s2_zarr, tmp_path, monkeypatch, capsys):
    run = _run(tmp_path, {"preset": None, "model": preset("tiny", d_space=128)})
    code, err, got = _train(monkeypatch, capsys, ["--data", str(s2_zarr), "--out", str(run), "--resume", "--steps", "3",
                                                  "--preset", "tiny"])
    assert code == 2 and "was trained with a model of no preset" in err and "leave --preset out" in err, err
    assert got == {}   # refused before the plan and the data


def test_a_run_of_a_model_object_is_refused_naming_python(s2_zarr, tmp_path, monkeypatch, capsys):
    run = _run(tmp_path, {"preset": None})   # fit(model, ...): no config recorded
    code, err, got = _train(monkeypatch, capsys, ["--data", str(s2_zarr), "--out", str(run), "--resume", "--steps", "3"])
    assert code == 2 and "was trained in Python from a model object" in err, err
    assert f"`aef.fit(model, data, out={str(run)!r}, resume=True)`" in err, err   # not made `aef train` by the CLI (was: `train.fit(`, review46)
    assert got == {}


def test_a_preset_run_still_resumes_as_its_preset(s2_zarr, tmp_path, monkeypatch, capsys):
    run = _run(tmp_path, {"preset": "tiny", "model": preset("tiny")})
    code, err, got = _train(monkeypatch, capsys, ["--data", str(s2_zarr), "--out", str(run), "--resume", "--steps", "3"])
    assert code == 2 and got["net"] == "tiny" and "with preset 'tiny', the one its checkpoint records" in err, err
