"""A per-year input (a query or labels) lacking a year of the cube is told fixes that run: `isel(time=0)` for one for
every year, or the cube's years it has one step of (`cube.isel(time=[...])`). Was: '`query.sel(time=cube.time)` or
...' first, a KeyError for the year the input lacks (2024 here): no input that reaches the message has each of the
cube's years once."""
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import TimeError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_every_fix_named_runs():
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in range(3)]
    cube = xr.concat(maps, pd.Index(pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]), name="time"))
    query = cube.isel(time=[0, 1], y=2, x=3)   # 2022 and 2023: none for 2024
    with pytest.raises(TimeError) as e:
        similarity(cube, query)
    fixes = str(e.value).split("; give it one step per year of the cube, e.g. ")[1]
    assert "sel(time=cube.time)" not in fixes, fixes
    ns = {"cube": cube, "query": query}
    assert "`query.isel(time=0)`" in fixes and "`cube.isel(time=[0, 1])`" in fixes, fixes
    assert similarity(cube, eval("query.isel(time=0)", ns)).sizes["time"] == 3
    assert similarity(eval("cube.isel(time=[0, 1])", ns), query).sizes["time"] == 2
    with pytest.raises(KeyError):   # what was named first
        query.sel(time=cube.time)
