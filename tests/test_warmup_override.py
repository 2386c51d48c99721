"fit(steps=N) shorter than a warm-up the user set in config: refused, naming both, not shortened without a word "
"(kind F); the default warm-up (1000) still shortens to a tenth, as documented."
import jax
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit


def _fit(tmp_path, config, steps):
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, steps=steps, config=config,
               loss_fn=standin_loss, progress=False, out=tmp_path / "run")


def test_a_warmup_of_the_users_longer_than_the_steps_is_refused(tmp_path):
    cfg = TrainConfig(steps=100, warmup=50, peak_lr=1e-2, batch_size=8)
    with pytest.raises(ConfigError, match=r"warmup=50.*steps=10"):
        _fit(tmp_path, cfg, 10)
    assert not (tmp_path / "run").exists()


def test_the_default_warmup_shortens_as_documented(tmp_path):
    _, hist = _fit(tmp_path, TrainConfig(peak_lr=1e-2, batch_size=8), 10)   # warmup 1000 by default: 1 here
    assert len(hist) == 10
