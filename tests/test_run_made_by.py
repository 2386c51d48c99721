"""A run's record did not say which alphaearth_nb made it: its header held jax's version only, no package version or
commit, no equinox/optax/numpy versions, no command line, and a time with no zone; `load_model` of another
version's run said nothing (s57 newcomer #5). The header now records `made_by` and a UTC time ending in Z, and
`load_model` warns (FileWarning) where the run's alphaearth_nb version is not this one."""
import sys
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import optax
import pytest

import alphaearth_nb
from alphaearth_nb import run_data, train
from alphaearth_nb.checkpoint import latest_checkpoint, read_header
from alphaearth_nb.core import FileWarning


def _cheap(model, batch, key):   # the run's header is tested, not the loss: no model pass to compile
    return 0.0 * jnp.sum(jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]) + 1.0, {}


def test_a_run_records_what_made_it_and_load_model_warns_of_another_version(tmp_path, crop, monkeypatch):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train.fit("tiny", crop, out=tmp_path / "r", steps=1, batch_size=2, loss_fn=_cheap, progress=False)
    h = read_header(latest_checkpoint(tmp_path / "r"))
    assert h["time"].endswith("Z") and len(h["time"]) == 20, h["time"]   # UTC, said so
    m = h["made_by"]
    assert m["alphaearth_nb"] == alphaearth_nb.__version__ and m["command"] == "python fit", m
    assert (m["equinox"], m["optax"], m["numpy"]) == (eqx.__version__, optax.__version__, np.__version__), m
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        train.load_model(tmp_path / "r")   # this version's: no word
    monkeypatch.setattr(run_data, "__version__", "9.9.9")
    with pytest.warns(FileWarning, match=rf"was trained by alphaearth_nb {alphaearth_nb.__version__}.*this is 9\.9\.9"):
        train.load_model(tmp_path / "r")


def test_the_command_is_aefs_words_as_typed(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/aef", "train", "--out", "my run", "--steps", "8"])
    assert run_data.made_by()["command"] == "aef train --out 'my run' --steps 8"
