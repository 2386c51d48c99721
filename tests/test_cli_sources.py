"""N19-11: `aef train --inputs/--targets` trains on a stack without the preset's sources (eo-learn's ndvi, dem; here
the sample scene's landsat and dem, so the test needs no shared data)."""
import pytest

from alphaearth_nb import train
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError


@pytest.fixture(scope="module")
def eolearn_nc(tmp_path_factory):
    from alphaearth_nb.scene import load_scene
    stack, _, _ = load_scene()
    stack = stack.drop_nodes([k for k in stack.children if k not in ("landsat", "dem")])   # no sentinel2
    p = tmp_path_factory.mktemp("eo") / "landsat_dem.nc"
    stack.to_netcdf(p)
    return p


def test_train_help_names_inputs_and_targets(capsys):
    assert main(["train", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--inputs" in out and "--targets" in out and "ndvi" in out


def test_train_help_gives_each_presets_own_sources_as_the_default(capsys):
    # the default preset is small, which reads landsat, sentinel1, sentinel2 (the help said 'sentinel2' for both)
    from alphaearth_nb.model import preset
    assert main(["train", "--help"]) == 0
    body = " ".join(capsys.readouterr().out.split())
    for k in ("inputs", "targets"):
        text = body.split(f"--{k} NAMES")[-1].split(" --")[0]
        for name in ("small", "tiny"):
            assert f"{name}: {','.join(getattr(preset(name), k))}" in text, (k, name, text)


def test_train_inputs_and_targets_reach_the_model_and_sampler(eolearn_nc, tmp_path, capsys, monkeypatch):
    got = {}
    def fit(net, stack, **k): got.update(net=net, sampler=k.get("sampler")); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    code = main(["train", "--preset", "tiny", "--data", str(eolearn_nc), "--steps", "2", "--out", str(tmp_path / "r"),
                 "--inputs", "landsat", "--targets", "landsat, dem"])
    assert code == 2 and "stop here" in capsys.readouterr().err                # fit was reached
    assert got["net"].cfg.inputs == ("landsat",) and got["net"].cfg.targets == ("landsat", "dem")
    assert got["sampler"].inputs == ("landsat",) and got["sampler"].targets == ("landsat", "dem")
    from alphaearth_nb.samples import SAMPLERS
    tiny = SAMPLERS["tiny"]                                                     # the preset's sampler, not the default:
    assert got["sampler"].n_texts == tiny.n_texts and got["sampler"].n_frames("landsat") == dict(tiny.frames)["sentinel2"]


def test_train_names_the_cli_options_for_a_missing_source(eolearn_nc, tmp_path, capsys):
    code = main(["train", "--preset", "tiny", "--data", str(eolearn_nc), "--steps", "2", "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and "'sentinel2'" in err and "--inputs" in err and "--targets" in err, err
    assert not (tmp_path / "r").exists()                                        # refused before the run folder
    code = main(["train", "--preset", "tiny", "--data", str(eolearn_nc), "--out", str(tmp_path / "r"),
                 "--inputs", "landsat", "--targets", "landsat,nope"])
    err = capsys.readouterr().err
    assert code == 2 and "nope" in err, err


def test_train_resume_takes_the_runs_sources_and_preset(eolearn_nc, tmp_path, capsys, monkeypatch):
    "A run trained with --inputs/--targets records no preset name: `--resume` alone takes its sources and size."
    import jax.numpy as jnp
    from alphaearth_nb.checkpoint import save_checkpoint
    from alphaearth_nb.model import preset
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=1,
                    meta={"preset": None, "model": preset("tiny", inputs=("landsat",), targets=("landsat", "dem"))})
    got = {}
    def fit(net, stack, **k): got.update(net=net, sampler=k.get("sampler")); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    code = main(["train", "--data", str(eolearn_nc), "--out", str(run), "--resume", "--steps", "3"])
    err = capsys.readouterr().err
    assert code == 2 and "stop here" in err and "resuming" in err and "'tiny'" in err, err
    assert got["net"].cfg.inputs == ("landsat",) and got["net"].cfg.targets == ("landsat", "dem")
    assert got["net"].cfg.stp == preset("tiny").stp                            # the tiny size, not the default small
    code = main(["train", "--data", str(eolearn_nc), "--out", str(run), "--resume", "--steps", "3", "--preset", "small"])
    assert code == 2 and "was trained with preset 'tiny'" in capsys.readouterr().err
