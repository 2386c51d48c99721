"What is handed to `embed` as the model, when it is not one, is named with the call that gives one: kind G."
import jax
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import toy_stack


@pytest.fixture(scope="module")
def st():
    return toy_stack(size=8)


def test_a_preset_name_is_no_path(st):   # was: "model is the path 'tiny', not a model: load it first"
    with pytest.raises(ConfigError, match=r"'tiny' is a preset name, not a trained model.*fit\('tiny'"):
        aef.embed(st, "tiny", 2024, progress=False)


def test_a_config_is_named_with_the_model_it_builds(st):   # was: "cannot read the patch size ... of ModelConfig"
    with pytest.raises(ConfigError, match=r"ModelConfig.*AlphaEarth\(cfg, key="):
        aef.embed(st, aef.preset("tiny"), 2024, progress=False)


def test_what_fit_returns_is_named_with_its_model(st):
    # `state, hist = fit(...)`, then embed(stack, state, ...) or embed(stack, fit(...), ...): 'cannot read ... TrainState'
    from alphaearth_nb.step import init_state
    from alphaearth_nb.train import TrainConfig, make_optimizer, opt_layout
    cfg = TrainConfig(steps=2, warmup=1, batch_size=2)
    m = aef.AlphaEarth(aef.preset("tiny"), key=jax.random.key(0))
    state = init_state(m, make_optimizer(cfg, opt_layout(cfg)), 0)
    for given in (state, (state, [])):
        with pytest.raises(ConfigError, match=r"state\.model\.with_policy\(\)"): aef.embed(st, given, 2024, progress=False)


@pytest.mark.parametrize("word", ["smal", "run1"])
def test_a_word_naming_no_file_is_no_path(word, tmp_path, monkeypatch):
    "model='smal' (a preset's typo) or 'run1' (a run folder not there): was 'model is the path 'smal' ... load it first'."
    from alphaearth_nb.embed import model_spec
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=rf"model '{word}' names no file and no preset \(tiny, small, lite\)"):
        model_spec(word)
    (tmp_path / word).mkdir()   # a run folder that is there: a path, loaded with load_model
    with pytest.raises(ConfigError, match=rf"model is the path '{word}', not a model: load it first"):
        model_spec(word)
