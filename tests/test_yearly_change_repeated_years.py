"""yearly_change of a cube holding two maps of one year along `time` (two tiles of 2022 joined with
`xr.concat(..., 'time')`): refused, naming the year and the merge that makes one map a year. Was: scored as two
years, each 2022 tile against the other and 2024, with only a warning that 2023 was missing."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import yearly_change


def _tiles():   # one 6 x 8 map a year: 2022 as two tiles (west, east) of NaN beyond each, 2023 and 2024 whole
    maps = [embedding_from_array(random_unit((6, 8), seed=s)) for s in range(3)]
    west, east = maps[0].copy(), maps[0].copy()
    west[:, 4:] = np.nan
    east[:, :4] = np.nan
    return maps, [west, east, maps[1], maps[2]]


@pytest.mark.parametrize("dated", [True, False])
def test_two_maps_of_one_year_are_refused_with_the_merge_that_works(dated):
    maps, parts = _tiles()
    t = pd.to_datetime(["2022-01-01", "2022-01-01", "2023-01-01", "2024-01-01"]) if dated else [2022, 2022, 2023, 2024]
    cube = xr.concat(parts, pd.Index(t, name="time"))
    with pytest.raises(DimensionError) as e:
        yearly_change(cube)   # was: a result of 4 'years', 2022 twice
    msg = str(e.value)
    assert "the cube holds 2 maps of 2022 along `time` (years [2022, 2022, 2023, 2024])" in msg, msg
    merge = msg.split("each pixel from the first with data, `")[1].split("`")[0]
    ns = {"cube": cube}
    exec(merge, ns)   # the fix named runs, and gives one map a year: 2022's tiles as one map
    whole = xr.concat(maps, pd.Index(t[1:], name="time"))
    got, want = yearly_change(ns["cube"]), yearly_change(whole)
    np.testing.assert_allclose(got["distance"].values, want["distance"].values, rtol=1e-6)
    assert "cube.isel(time=[0, 2, 3])" in msg, msg


def test_distinct_years_still_score():
    maps, _ = _tiles()
    out = yearly_change(xr.concat(maps, pd.Index([2022, 2023, 2024], name="time")))
    assert out.sizes["time"] == 3 and np.isfinite(out["distance"].values).all()
