"""`over_time`, which applies a function of one year's map to each year of a cube (arguments and a table's rows paired
with the years, years without data left as no data, each warning said once), lives in `per_year` (24f, below
analysis), so analysis stays under its cap (it was at 477 of 480 lines, session 45); analysis re-exports it, the same
object, so `from alphaearth_nb.analysis import over_time` works as before and analysis' functions still work per year."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube(e):
    return xr.concat([e, e], dim="time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))


def test_analysis_reexports_over_time(reexported):
    "Hand-worked: the similarity of a cube to its own pixel (2, 3) is 1 there in both years."
    per_year, analysis = reexported("per_year", "analysis", ["over_time"])
    from alphaearth_nb.analysis import over_time   # the old spelling
    assert over_time is per_year.over_time
    e = embedding_from_array(random_unit((4, 5), seed=9))
    s = analysis.similarity(_cube(e), e.isel(y=2, x=3).values)
    assert s.dims == ("time", "y", "x") and np.allclose(s.isel(y=2, x=3).values, 1.0, atol=1e-5)


def test_a_year_without_data_is_no_data_warned_once():
    "A point query over a cube whose first year is NaN at the point: that year NaN, named once; the other computed."
    e = embedding_from_array(random_unit((4, 5), seed=3))
    cube = _cube(e).copy()
    cube[0, 1, 1] = np.nan
    from alphaearth_nb.analysis import similarity
    with pytest.warns(NoDataWarning, match="2023-01-01") as said:
        s = similarity(cube, (float(e.x[1]), float(e.y[1])))
    assert np.isnan(s.isel(time=0).values).all() and np.isfinite(s.isel(time=1).values).all()
    assert len([w for w in said if issubclass(w.category, NoDataWarning)]) == 1


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("per_year", 200)
    split_module_check("analysis", 430)   # session 53: 390, a point read with a lazy map's sample (`_query_read`); s54: 391, the query read once (`_query`); s55: 498, change's same-map and mixed-settings checks and the collapsed-map warning; s56: 392, those checks in `map_checks` (tests/test_map_checks_split.py)
