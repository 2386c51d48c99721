"""change(map, cube) compares each year of the cube with the map, as change(cube, map) does (the score is
symmetric), on the map's orientation. Was: DimensionError 'an embedding has dims (y, x, band) only; extra dims
['time']' for the map first, while the cube first gave the yearly scores."""
import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb.analysis import change
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube_and_map():
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in range(3)]
    return xr.concat(maps[:2], pd.Index(pd.to_datetime(["2023-01-01", "2024-01-01"]), name="time")), maps[2]


def test_a_map_against_a_cube_scores_each_year():
    cube, m = _cube_and_map()
    got, want = change(m, cube), change(cube, m)
    assert got.dims == ("time", "y", "x") and got.sizes["time"] == 2
    np.testing.assert_allclose(got.values, want.values, atol=1e-6)
    np.testing.assert_allclose(got.isel(time=1).values, change(m, cube.isel(time=1)).values, atol=1e-6)
    np.testing.assert_allclose(m.aef.change(cube).values, want.values, atol=1e-6)   # the accessor too


def test_on_the_maps_orientation():
    cube, m = _cube_and_map()
    south_first = m.isel(y=slice(None, None, -1))
    got = change(south_first, cube)
    np.testing.assert_array_equal(got.y.values, south_first.y.values)
    np.testing.assert_allclose(got.values, change(cube, m).values[:, ::-1], atol=1e-6)
