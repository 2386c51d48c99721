"""`aef.train.load_model('out/demo/run')` before any demo ran (the README's next step after `make demo`, tried first)
says the demo writes that folder and how to run it: `make demo` in a clone, `aef demo` in a shell (with its --out when
the folder is not the default's). Other missing folders keep the plain words (note47, newcomer)."""
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import CheckpointError


def test_the_demo_run_before_the_demo_names_make_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CheckpointError) as e: aef.train.load_model("out/demo/run")
    msg = str(e.value)
    assert "`make demo`" in msg and "`aef demo`" in msg and "--out" not in msg, msg


def test_a_demo_run_elsewhere_names_its_out(tmp_path):
    where = tmp_path / "mine" / "demo"
    with pytest.raises(CheckpointError) as e: aef.train.load_model(where / "run" / "checkpoints")
    assert f"`aef demo --out {where}`" in str(e.value), str(e.value)


def test_another_missing_run_is_not_told_of_the_demo(tmp_path):
    with pytest.raises(CheckpointError) as e: aef.train.load_model(tmp_path / "runs" / "a")
    assert "demo" not in str(e.value) and "no checkpoint at" in str(e.value), str(e.value)
