"""A checkpoint whose header has no model config (a run of a model of one's own) that does not fit what load_checkpoint
was given points to train.state_like. Was: 'build the model with the config in the checkpoint header', a config the
header does not have."""
import equinox as eqx
import jax
import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint
from alphaearth_nb.core import CheckpointError


def test_no_config_points_to_state_like(tmp_path):
    state = {"model": jnp.zeros((3, 2)), "opt": jnp.zeros(5)}   # the training state: the model and more
    save_checkpoint(tmp_path, state, meta={"model": None, "train": {"peak_lr": 1e-3}}, step=1)   # a fit run
    model = eqx.nn.Linear(2, 3, key=jax.random.PRNGKey(0))   # the model, where the state is wanted
    with pytest.raises(CheckpointError, match="state_like") as e:
        load_checkpoint(tmp_path, model)
    assert "config in the checkpoint header" not in str(e.value), e.value
    wide = {"model": jnp.zeros((3, 4)), "opt": jnp.zeros(5)}   # same structure, other shapes
    with pytest.raises(CheckpointError, match="state_like"):
        load_checkpoint(tmp_path, wide)
