"TrainConfig values that are plausible slips but train nothing or garbage: refused, naming the field (kind F)."
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
