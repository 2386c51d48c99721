"TrainConfig of a short run that keeps the default warm-up names it as the default and the warm-up fit would take."
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.train import TrainConfig, _train_config


def test_the_default_warmup_in_a_short_config_names_the_fix():   # was: 'shorten the warm-up or train longer'
    with pytest.raises(ConfigError, match=r"warmup=1000 \(the default, the paper's\) must be in \[0, steps=10\]: pass "
                                          r"e.g. warmup=1 \(a tenth of the steps, what `aef\.fit\(steps=10\)` / "
                                          r"`aef train --steps 10` takes"):
        TrainConfig(steps=10)
    assert _train_config(None, steps=10).warmup == 1   # the warm-up the message offers is fit's own
    TrainConfig(steps=10, warmup=1)


def test_a_warmup_of_ones_own_is_not_called_the_default():
    with pytest.raises(ConfigError) as e: TrainConfig(steps=10, warmup=50)
    assert "warmup=50 must be in" in str(e.value) and "default" not in str(e.value)
