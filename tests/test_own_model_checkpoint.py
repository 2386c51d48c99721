"""A run of a model of one's own (`fit(model_object, batches, out=run)`) is loaded by the recipe `load_model`'s
message gives: it runs as written and gives the trained weights. Was: 'build the model yourself and use
`checkpoint.load_checkpoint`', and `load_checkpoint(run, model)` then failed ('cannot load ... into this model
(RuntimeError: ... changed shape from (32, 8) in `like` to () on disk): build the model with the config in the
checkpoint header'), as a fit checkpoint holds the whole TrainState (step, model, Adam's moments), not the model;
the header has no config to build from. `train.state_like(model, header)` is that skeleton."""
import re

import equinox as eqx
import jax
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import checkpoint, train
from alphaearth_nb.core import CheckpointError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("own") / "run"
    cfg = train.TrainConfig(steps=3, warmup=1, peak_lr=1e-2, batch_size=8)
    state, _ = train.fit(Standin(key=jax.random.key(0)), standin_batches, out=out, config=cfg, loss_fn=standin_loss,
                         checkpoint_every=3, progress=False)
    return out, state


def test_load_model_names_a_recipe_that_runs(run):
    out, trained = run
    with pytest.raises(CheckpointError) as e:
        train.load_model(out)
    recipe = re.findall(r"`(state, _ = aef\.checkpoint\.load_checkpoint\(.*?\))`", str(e.value))
    assert recipe, str(e.value)
    scope = {"aef": aef, "path": out, "model": Standin(key=jax.random.key(0))}
    exec(recipe[0], scope)
    got = scope["state"].model
    assert int(scope["state"].step) == 3
    for a, b in zip(jax.tree.leaves(eqx.filter(got, eqx.is_array)), jax.tree.leaves(eqx.filter(trained.model, eqx.is_array))):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_state_like_is_the_fit_state_of_the_model(run):
    out, trained = run
    header = checkpoint.read_header(checkpoint.checkpoints(out / "checkpoints")[-1])
    like = train.state_like(Standin(key=jax.random.key(1)), header)
    shaped = lambda x: eqx.is_array(x) or isinstance(x, jax.ShapeDtypeStruct)
    shapes = lambda t: [(tuple(x.shape), np.dtype(x.dtype)) for x in jax.tree.leaves(eqx.filter(t, shaped))]
    assert shapes(like) == shapes(trained) and len(shapes(like)) > 4   # step, the model's leaves, Adam's, the key
