"A misspelt key of `preset(..., stp={...})` is named where it was written and matched against STPConfig's fields."
import pytest
from alphaearth_nb.core import UnknownFieldError
from alphaearth_nb.model import preset

def test_stp_dict_key_named_as_given():
    with pytest.raises(UnknownFieldError) as e: preset("tiny", stp={"dpeth": 1})
    msg = str(e.value)
    assert "stp={...}" in msg and "'dpeth'" in msg
    assert "embed_dim" not in msg and "decoder_depth" not in msg   # ModelConfig's fields are not stp's
    assert "blocks" in msg and "d_space" in msg

def test_stp_dict_key_closest_is_an_stp_field():
    with pytest.raises(UnknownFieldError, match=r"did you mean 'blocks'\?"): preset("tiny", stp={"blokcs": 2})

def test_stp_dict_still_applies():
    assert preset("tiny", stp={"blocks": 1}).stp.blocks == 1

def test_stp_depth_means_blocks():
    for k in ("dpeth", "depth", "layers"):
        with pytest.raises(UnknownFieldError, match=r"did you mean 'blocks'\?"): preset("tiny", stp={k: 1})
