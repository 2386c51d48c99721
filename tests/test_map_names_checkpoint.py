"""A map from a trained model named it by a parameter hash only ('alphaearth_nb tiny sha256:...'): not the run
folder, checkpoint step or package version, so a colleague holding the map could not tell which run or step made
it (s57 newcomer #12). `load_model` now notes where it read the model, and `embed` records it beside the hash."""
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp

import alphaearth_nb
from alphaearth_nb import train
from alphaearth_nb.embed import embed
from alphaearth_nb.run_data import loaded_from


def _cheap(model, batch, key):   # the run's record is tested, not the loss: no model pass to compile
    return 0.0 * jnp.sum(jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]) + 1.0, {}


def test_a_map_names_the_checkpoint_step_run_and_version(tmp_path, crop):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, hist = train.fit("tiny", crop, out=tmp_path / "r", steps=1, batch_size=2, loss_fn=_cheap, progress=False)
        model = train.load_model(tmp_path / "r")
        emb = embed(crop.isel(y=slice(0, 16), x=slice(0, 16)), model, "2023")
    a = emb.attrs
    ckpt = (tmp_path / "r" / "checkpoints" / "ckpt_00000001.json").resolve()
    assert a["embedding:checkpoint"] == str(ckpt) and a["embedding:step"] == 1, a
    assert a["embedding:run"] == hist[0]["run"] and a["embedding:package"] == f"alphaearth_nb {alphaearth_nb.__version__}"
    assert a["embedding:model"].startswith("alphaearth_nb tiny sha256:"), a
    assert "embedding:checkpoint" not in loaded_from(object())   # a model of Python's: the version only
