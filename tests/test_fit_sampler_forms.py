"fit's sampler= as a dict of the fields to change in the model's own sampler, its misspelt names named."
import warnings

import pytest

from alphaearth_nb import scene
from alphaearth_nb.core import ConfigError, UnknownFieldError
from alphaearth_nb.train import _batch_source, TrainConfig, _model

CFG = TrainConfig(steps=1, warmup=0, batch_size=2)


@pytest.fixture(scope="module")
def stack():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return scene.load_scene()[0]


def test_a_dict_changes_the_models_own_sampler(stack):   # was: AttributeError 'dict' object has no attribute 'sources'
    built, name = _model("tiny", CFG, shapes_only=True)
    src = _batch_source(stack, 0, CFG, built, {"n_texts": 2}, preset=name)
    assert src.cfg.n_texts == 2 and src.cfg.inputs == ("sentinel2",)   # the model's sources kept
    with pytest.raises(ConfigError, match="sampler= has patch=16 but the model's is 32"):   # the model's own only
        _batch_source(stack, 0, CFG, built, {"patch": 16}, preset=name)
    with pytest.raises(UnknownFieldError, match="'ptach' \\(did you mean 'patch'\\?\\)"):
        _batch_source(stack, 0, CFG, built, {"ptach": 16}, preset=name)
    with pytest.raises(ConfigError, match="sampler is int: pass a samples.SamplerConfig, or a dict"):
        _batch_source(stack, 0, CFG, built, 16, preset=name)
