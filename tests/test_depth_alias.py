"""The encoder's depth written as users write it (`depth`, `layers`, `n_layers`) is named as its field, blocks, wherever
the STP sizes are taken: STPConfig, preset('tiny', depth=...) and preset(stp={...}) alike (stp.STP_ALIASES). Was:
'did you mean 'patch'?' from STPConfig and preset('tiny', depth=3) (difflib's 0.6 to the field patch: a patch of 3
pixels), 'blocks' only under stp={...}; session 38's 09973cb said 'depth' was 'blocks' (true of stp={...} alone)."""
import pytest

from alphaearth_nb.core import UnknownFieldError
from alphaearth_nb.model import preset
from alphaearth_nb.stp import STPConfig


@pytest.mark.parametrize("make", [lambda k: STPConfig(**{k: 4}), lambda k: preset("tiny", **{k: 4}),
                                  lambda k: preset("tiny", stp={k: 4})])
@pytest.mark.parametrize("word", ["depth", "layers", "n_layers", "dpeth"])
def test_depth_is_blocks_wherever_the_sizes_are_taken(make, word):
    with pytest.raises(UnknownFieldError, match=rf"unknown name '{word}' \(did you mean 'blocks'\?\)"):
        make(word)


def test_other_names_are_read_as_before():
    with pytest.raises(UnknownFieldError, match=r"'embed_dm' \(did you mean 'embed_dim'\?\)"):
        preset("tiny", embed_dm=3)
    with pytest.raises(UnknownFieldError, match=r"unknown name 'wdith': it takes"):   # no alias's misspelling
        STPConfig(wdith=3)
    assert preset("tiny", blocks=2).stp.blocks == 2
