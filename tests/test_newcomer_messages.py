"""Messages a newcomer meets first (session 30's fresh-clone walk): a path passed where an embedding is wanted names
the readers that open it; a map without a CRS is not called a cube."""
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import DTypeError, GridError


def _map(crs="EPSG:32631"):
    v = np.random.default_rng(0).normal(size=(3, 4, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    da = xr.DataArray(v, dims=("y", "x", "band"), coords={"y": 5e6 - 10 * np.arange(3), "x": 5e5 + 10 * np.arange(4),
                                                          "band": aef.band_names()})
    return da.assign_attrs(crs=crs) if crs else da


@pytest.mark.parametrize("path", ["emb.zarr", Path("tile.tif")])
def test_a_path_names_the_readers(path):
    with pytest.raises(DTypeError) as e:
        aef.analysis.similarity(path, (500_010.0, 4_999_990.0))
    msg = str(e.value)
    assert repr(str(path)) in msg and "open_zarr" in msg and "read_cog" in msg and "wrap arrays" not in msg


def test_an_array_still_told_to_wrap():
    with pytest.raises(DTypeError, match="wrap arrays"):
        aef.embeddings.as_embedding(np.zeros((3, 4, 64), np.float32))


def test_a_map_without_crs_is_not_a_cube():
    with pytest.raises(GridError) as e:
        aef.analysis.similarity(_map(None), (6.0, 45.0), crs="EPSG:4326")
    assert "the cube has no CRS" not in str(e.value) and "no CRS" in str(e.value)
