"A prefetch queue too long for memory is named as the cause, not batch_size (whose 'at most 2' would fail too)."
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.scene import load_scene
from alphaearth_nb.train import TrainConfig, fit


def test_a_long_prefetch_queue_is_named(tmp_path):
    cfg = TrainConfig(prefetch=10**9, steps=2, warmup=0, batch_size=4)
    with pytest.raises(ConfigError) as e:
        fit("tiny", load_scene()[0], config=cfg, out=tmp_path / "run", progress=False)
    m = str(e.value)
    assert "prefetch=1000000000" in m and "smaller batch_size" not in m, m
    assert not (tmp_path / "run").exists()
