"ModelConfig(stp=...) takes the encoder's STPConfig or a dict of its fields, checked as STPConfig checks them; anything " \
"else is a ConfigError naming the fix. Was: a dict or None kept as given, then AttributeError 'dict' object has no " \
"attribute 'd_precision' when the model was built."
import pytest

from alphaearth_nb.core import ConfigError, UnknownFieldError
from alphaearth_nb.model import ModelConfig, init
from alphaearth_nb.stp import STPConfig

SMALL = dict(patch=32, d_space=64, d_time=32, d_precision=16, blocks=1)


def test_a_dict_is_read_as_the_encoders_config():
    cfg = ModelConfig(stp=SMALL, summary_width=64, up_width=32, decoder_width=64, text_width=64)
    assert cfg.stp == STPConfig(**SMALL)
    assert init(cfg).cfg.stp.blocks == 1


def test_a_misspelt_key_is_named():
    with pytest.raises(UnknownFieldError, match=r"STPConfig got an unknown name 'dpeth'"):
        ModelConfig(stp={**SMALL, "dpeth": 2})


@pytest.mark.parametrize("stp", [None, 2, "tiny"])
def test_anything_else_is_refused_with_the_fix(stp):
    with pytest.raises(ConfigError, match=rf"ModelConfig\.stp is {type(stp).__name__}: pass the encoder's "
                                          r"STPConfig\(\.\.\.\), or a dict of its fields"):
        ModelConfig(stp=stp)
