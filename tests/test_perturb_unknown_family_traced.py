"""Perturbations naming a family no input has (drop_source={'foo': 0.3}) used outside `fit`'s view (a lambda loss,
`perturb` itself) are said when `perturb` is traced, the families of its inputs known (a model's own too), once a
process; `fit`'s run-start word counts as said. Was: only `fit(loss_fn=partial(total_loss, pert=...))` warned."""
from functools import partial

import jax
import jax.numpy as jnp
import pytest

from alphaearth_nb.core import ConfigWarning
from alphaearth_nb.losses import Perturbations, perturb, warn_unknown_families
from alphaearth_nb.stp import Frames
from alphaearth_nb.testing import said

T = 8


def _ins():
    f = lambda c: Frames(jnp.ones((T, 1, 1, c)), jnp.ones((T, 1, 1, c), bool), jnp.linspace(0., 300., T),
                         jnp.ones(T, bool), jnp.zeros((T, 0)))
    return {"sentinel2": f(6), "sentinel1": f(5)}


_said = partial(said, category=ConfigWarning, holding="drops nothing")


def test_perturb_itself_says_it_once():
    cfg = Perturbations(drop_source={"fooa": 0.3})
    call = lambda: perturb(jax.random.key(0), _ins(), jnp.array([0., 300.]), cfg)
    said = _said(call)
    assert len(said) == 1 and "drop_source names 'fooa'" in said[0], said
    assert _said(call) == []   # once


def test_a_jitted_lambda_loss_says_it_at_its_trace():
    cfg = Perturbations(drop_frame={"foob": 0.3, "sentinel2": 0.5})
    step = jax.jit(lambda k: perturb(k, _ins(), jnp.array([0., 300.]), cfg)[2])
    said = _said(lambda: step(jax.random.key(1)))
    assert len(said) == 1 and "drop_frame names 'foob'" in said[0], said


def test_the_inputs_own_families_are_known():
    cfg = Perturbations(drop_source={"fooc": 0.3})   # the family of the model's own source 'mine'
    ins = _ins(); ins["mine"] = ins.pop("sentinel1")
    assert _said(lambda: perturb(jax.random.key(2), ins, jnp.array([0., 300.]), cfg, {"mine": "fooc"})) == []


def test_said_by_fit_first_is_not_said_again():
    cfg = Perturbations(drop_source={"food": 0.3})
    with pytest.warns(ConfigWarning, match="'food'"):
        warn_unknown_families(cfg)   # what fit says at a run's start
    from alphaearth_nb.losses import SAID_PERTURBATIONS
    assert cfg in SAID_PERTURBATIONS
    assert _said(lambda: perturb(jax.random.key(3), _ins(), jnp.array([0., 300.]), cfg)) == []
