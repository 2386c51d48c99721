"TrainConfig of a short run takes the warm-up fit takes (`default_warmup`); a warm-up set longer than the run is refused, naming that one."
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.train import TrainConfig, _train_config


def test_a_short_config_takes_fits_warmup():   # was refused: 'warmup=1000 (the default, the paper's) must be in ...'
    assert TrainConfig(steps=10).warmup == 1 == _train_config(None, steps=10).warmup
    with pytest.raises(ConfigError, match=r"warmup=1000 must be in \[0, steps=10\]: pass e.g. warmup=1 \(a tenth of "
                                          r"the steps, what `aef\.fit\(steps=10\)` / `aef train --steps 10` takes"):
        TrainConfig(steps=10, warmup=1000)
    TrainConfig(steps=10, warmup=1)


def test_a_warmup_of_ones_own_is_not_called_the_default():
    with pytest.raises(ConfigError) as e: TrainConfig(steps=10, warmup=50)
    assert "warmup=50 must be in" in str(e.value) and "default" not in str(e.value)
