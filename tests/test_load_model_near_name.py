"""`aef.train.load_model('rnu1')` beside a run folder run1 said "no checkpoint at rnu1" with no "did you mean run1?",
which `aef embed --checkpoint rnu1` says (`loaders.near_match`): the Python load names the run meant too."""
import pytest

from alphaearth_nb import train
from alphaearth_nb.core import CheckpointError


def test_load_model_names_the_run_meant(tmp_path, monkeypatch):
    (tmp_path / "run1" / "checkpoints").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    for given, meant in (("rnu1", "run1"), (str(tmp_path / "rnu1"), str(tmp_path / "run1"))):
        with pytest.raises(CheckpointError) as e:
            train.load_model(given)
        assert f"(did you mean {meant}?)" in str(e.value), str(e.value)
    with pytest.raises(CheckpointError) as e:
        train.load_model("zzzz")
    assert "did you mean" not in str(e.value)
