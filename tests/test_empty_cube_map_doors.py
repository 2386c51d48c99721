"""A cube with no year (`time` of length 0: a year selection that matched none) passed where one map is wanted
(`as_embedding`, so `index.build`, `points_at`, `to_cog`; `training_set`) is named as empty, as `places.cube_form`
and `validate_embedding` name it (e08f09f), not told to pick `isel(time=0)`, an index that fails on it."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.index import build
from alphaearth_nb.places import cube_form
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

NO_YEARS = "the cube has no time steps: select at least one year."   # places.cube_form's words begin (embeddings.NO_YEARS)


def _maps():
    e = embedding_from_array(random_unit((4, 3), seed=1))
    cube = xr.concat([e] * 2, "time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    lab = xr.DataArray(np.arange(12.0).reshape(4, 3) % 2, dims=("y", "x"), coords={"y": e.y, "x": e.x})
    return e, cube, lab


def test_empty_cube_where_a_map_is_wanted_is_named_empty():
    """Was: 'extra dims ['time']: select one, e.g. `da.isel(time=0)`' and training_set's 'got a cube of 0 time
    steps: select one, e.g. `cube.isel(time=0)`', an IndexError on this cube. Right: cube_form's words."""
    e, cube, lab = _maps()
    empty = cube.isel(time=slice(0, 0))
    calls = {"as_embedding": lambda: as_embedding(empty), "build": lambda: build(empty),
             "points_at": lambda: points_at(empty, lab), "training_set": lambda: training_set(empty, lab),
             "cube_form": lambda: cube_form(empty)}
    for name, call in calls.items():
        with pytest.raises(DimensionError) as err:
            call()
        assert str(err.value).startswith(NO_YEARS), name
        assert "isel(time=0)" not in str(err.value), name


def test_cube_with_years_still_asks_for_one():
    "A cube with years where one map is wanted: the fix that works on it, `isel(time=0)`, as before."
    e, cube, lab = _maps()
    with pytest.raises(DimensionError, match=r"isel\(time=0\)"):
        as_embedding(cube)
    with pytest.raises(DimensionError, match=r"cube of 2 time steps.*isel\(time=0\)"):
        training_set(cube, lab)
    cube.isel(time=0).values   # the fix named works
