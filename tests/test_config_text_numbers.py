"Every number of ModelConfig and TrainConfig is read by one rule (core.whole / core.real): a number as its type, text " \
"refused naming the field and the fix, even text that spells a number ('8', '1e-4': YAML 1.1's reading of 1e-4), as " \
"is a bool. Field case s36: TrainConfig refused peak_lr='1e-4' while ModelConfig kept embed_dim='8' as text and " \
"failed on kappa='8000' with a TypeError from a comparison (and took n_proposals=True as 1)."
import dataclasses

import numpy as np
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.model import ModelConfig, preset
from alphaearth_nb.step import TrainConfig

TINY = preset("tiny")
MODEL_NUMBERS = [f.name for f in dataclasses.fields(ModelConfig) if f.type in ("int", "float")]
TRAIN_NUMBERS = [f.name for f in dataclasses.fields(TrainConfig) if f.type in ("int", "float", "float | None", "int | None")]


def test_the_fields_are_all_there():
    assert {"embed_dim", "kappa", "n_proposals", "summary_decay", "clip_temperature", "decoder_depth"} <= set(MODEL_NUMBERS)
    assert {"steps", "peak_lr", "warmup", "batch_size", "eps", "clip_norm", "seed"} <= set(TRAIN_NUMBERS)


@pytest.mark.parametrize("name", MODEL_NUMBERS)
@pytest.mark.parametrize("text", ["8", "1e-4"])
def test_model_numbers_as_text_are_refused_with_the_fix(name, text):
    with pytest.raises(ConfigError, match=rf"^{name}='{text}' is not a (whole )?number: pass e\.g\. {name}=.*text is "
                                          rf"not read as a number, not even '{text}'.*(convert them with (int|float)\(\)|arrive as text\)\.$)"):
        preset("tiny", **{name: text})   # '1e-4' for a count: no conversion offered (int('1e-4') fails)


@pytest.mark.parametrize("name", MODEL_NUMBERS)
def test_model_numbers_as_bools_are_refused(name):
    with pytest.raises(ConfigError, match=rf"^{name}=True is not a (whole )?number"):
        dataclasses.replace(TINY, **{name: True})


def test_model_numbers_arrive_as_their_type():
    cfg = preset("tiny", embed_dim=np.int64(32), kappa=4000, n_proposals=8.0)
    assert (cfg.embed_dim, cfg.kappa, cfg.n_proposals) == (32, 4000.0, 8)
    assert type(cfg.embed_dim) is int and type(cfg.kappa) is float and type(cfg.n_proposals) is int


@pytest.mark.parametrize("name", TRAIN_NUMBERS)
def test_train_numbers_as_text_are_refused_with_the_fix(name):
    with pytest.raises(ConfigError, match=rf"^{name}='1e-4' is not a (whole )?number: .*not even '1e-4'"):
        TrainConfig(**{name: "1e-4"})
