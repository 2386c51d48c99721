"""places.sample of points none of which lies on the map (and not a lon/lat swap) warns, as official.sample_points
does (NoDataWarning), naming the map's bounds and the points' in the map's CRS. Was: silent (inside all False, NaN)."""

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.places import sample
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_points_off_a_utm_map_name_both_bounds():
    e = embedding_from_array(random_unit((6, 6), seed=1))             # x 500000..500060, y 4999940..5000000 (edges)
    t = pd.DataFrame({"x": [100.0, 200.0], "y": [300.0, np.nan]})     # the second has no y: the bounds of finite points
    # the points under 1000 are told to 6 decimals as lon/lat-like values may be (places._span): both bounds named either way
    with pytest.warns(NoDataWarning, match=r"none of the 2 points lies on the map.*map spans x 500000\.0\.\.500060\.0, "
                                           r"y 4999940\.0\.\.5000000\.0 and the points x 100\.0+\.\.100\.0+, y 300\.0+\.\.300\.0+ "
                                           r"\(in the map's CRS, EPSG:32631\).*crs="):
        s = sample(e, t, crs="EPSG:32631")
    assert not s["inside"].any()
    cube = xr.concat([e, e], xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))
    with pytest.warns(NoDataWarning, match="map spans x 500000.0..500060.0"):
        sample(cube, t, crs="EPSG:32631")
    with pytest.warns(NoDataWarning, match=r"1 of 2 points lie off the map \(row 1 "):   # one on the map: the other named
        sample(e, t.assign(x=[500005.0, 200.0], y=[4999995.0, 300.0]), crs="EPSG:32631")


def test_points_off_a_lonlat_map_in_degrees():
    e = embedding_from_array(random_unit((4, 4), seed=2), coords=grid_coords(4, 4, x0=10.0, y0=50.0, res=0.001),
                             crs="EPSG:4326")
    with pytest.warns(NoDataWarning, match=r"x 10\.000000\.\.10\.004000, y 49\.996000\.\.50\.000000 and the points x 12\.000000\.\.12\.500000"):
        sample(e, ([12.0, 12.5], [51.0, 51.5]))
