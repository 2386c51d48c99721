"""A map whose every pixel the gate refuses (unit vectors x100) raised 'a warning above names why': with warnings
silenced, as notebooks do, none was shown (newcomer s55 finding 10). The error now carries the gate's reason and fix."""
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoValidDataError

def _map(scale=1.0):
    v = np.random.default_rng(0).normal(size=(6, 7, 64))
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v * scale, dims=("y", "x", "band"),
                        coords={"y": np.arange(6.0)[::-1] * 10 + 5, "x": np.arange(7.0) * 10 + 5,
                                "band": aef.band_names()})

@pytest.mark.parametrize("quiet", [True, False])
def test_all_refused_map_says_why_in_the_error(quiet):
    with warnings.catch_warnings():
        if quiet: warnings.simplefilter("ignore")
        with pytest.raises(NoValidDataError, match=r"scaled by 100.*divide first, `emb = emb / 100`") as e:
            _map(100.0).aef.similarity((25.0, 35.0))
    assert "a warning above" not in str(e.value)

def test_a_map_with_data_keeps_no_reason():
    assert aef.embeddings.as_embedding(_map()).attrs == {}
