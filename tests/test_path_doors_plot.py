"""A path at maps.plot (the door the tutorials draw every map with), gate.map_sample and bands.label_bands is
core.refuse_path's one DTypeError naming the map readers, as at the other doors of maps, gate and bands (session
34's review of the path doors). Was: plot's DimensionError 'cannot plot a str: pass an embedding, a class map or a
2-D map' (no reader named), AttributeError 'str' object has no attribute 'isel' / 'coords'."""
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb import bands, gate, maps
from alphaearth_nb.core import DTypeError, LOADERS

DOORS = {"maps.plot": maps.plot, "gate.map_sample": gate.map_sample, "bands.label_bands": bands.label_bands}


@pytest.mark.parametrize("form", [str, Path])
@pytest.mark.parametrize("door", list(DOORS))
def test_a_path_is_the_one_message(door, form, tmp_path):
    path = tmp_path / "emb.npy"
    np.save(path, np.zeros((2, 2, 64), np.float32))
    with pytest.raises(DTypeError) as e:
        DOORS[door](form(path))
    assert str(e.value).endswith(f", got the path '{path}': load it first, e.g. {LOADERS['map']}"), str(e.value)
