"TrainConfig values that are plausible slips but train nothing or garbage: refused, naming the field (kind F)."
import math

import jax.numpy as jnp
import numpy as np
import optax
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.step import TrainConfig


@pytest.mark.parametrize("lr", [5, 1e4, 1.5, float("inf")])   # 1e4 for 1e-4: Adam moves every parameter by ~1e4 a step
def test_a_learning_rate_above_one_is_refused(lr):
    with pytest.raises(ConfigError, match=r"peak_lr=.*1e-4"):
        TrainConfig(peak_lr=lr)


def test_the_learning_rates_that_make_sense_pass():
    assert TrainConfig(peak_lr=1.0).peak_lr == 1.0 and TrainConfig(peak_lr=3e-4).peak_lr == 3e-4


@pytest.mark.parametrize("eps", [float("inf"), -float("inf")])   # every Adam update m / (sqrt(v) + inf) = 0: nothing learns
def test_an_infinite_adam_epsilon_is_refused(eps):
    with pytest.raises(ConfigError, match="eps="):
        TrainConfig(eps=eps)


@pytest.mark.parametrize("norm", [float("inf"), "np.inf"])
def test_an_infinite_clip_norm_is_refused_naming_none(norm):
    "clip_norm=inf was taken as None's twin, but optax's clip at an infinite norm turns a gradient whose norm "
    "overflows to inf into NaN where no clipping passes it to Adam: refused, naming None (YAML's .inf too)."
    with pytest.raises(ConfigError, match=r"clip_norm=inf .*use clip_norm=None to turn clipping off"):
        TrainConfig(clip_norm=np.inf if norm == "np.inf" else norm)
    assert TrainConfig(clip_norm=None).clip_norm is None and TrainConfig(clip_norm=1e30).clip_norm == 1e30


def test_an_infinite_clip_norm_is_not_a_clean_off_in_optax():
    "Why inf is refused: optax.clip_by_global_norm(inf) makes NaN of a gradient whose float32 norm overflows."
    clip = optax.clip_by_global_norm(math.inf)
    g = {"w": jnp.full(2, 1e38, jnp.float32)}   # each finite; their norm overflows float32
    assert np.isnan(np.asarray(clip.update(g, clip.init(g))[0]["w"])).all()
