"""similarity of a cube with a query of other years along `time` (one year's pixel, `cube.sel(time='2023')`, a
(time: 1, band) vector): the fix names the query, `query.isel(time=0)` for one query for every year, which works.
Was: `labels.sel(time=cube.time)` or `labels.isel(time=0)` for one set: classify's words for a similarity query.
classify keeps its words."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import TimeError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def cube():
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in range(2)]
    return xr.concat(maps, pd.Index(pd.to_datetime(["2023-01-01", "2024-01-01"]), name="time"))


def test_a_query_of_one_year_is_told_to_take_it_for_every_year(cube):
    query = cube.sel(time="2023").isel(y=2, x=3)   # (time: 1, band)
    with pytest.raises(TimeError) as e:
        similarity(cube, query)
    msg = str(e.value)
    assert "`query.isel(time=0)` for one query for every year, or keep the cube's years it has one step of, " \
        "`cube.isel(time=[0])`" in msg, msg   # was also `query.sel(time=cube.time)`: a KeyError for 2024 (review41)
    s1 = similarity(eval("cube.isel(time=[0])"), query)   # that fix works too: 2023 against 2023
    assert s1.sizes["time"] == 1 and float(s1.isel(time=0, y=2, x=3)) == pytest.approx(1.0)
    assert "labels" not in msg, msg
    s = similarity(cube, eval("query.isel(time=0)"))   # the fix named works: 2023's pixel against both years
    assert s.sizes["time"] == 2 and float(s.isel(time=0, y=2, x=3)) == pytest.approx(1.0)


def test_classify_keeps_the_labels_words(cube):
    labels = xr.DataArray(np.arange(30).reshape(5, 6) % 2, dims=("y", "x"),
                          coords={"y": cube.y, "x": cube.x}).expand_dims(time=cube.time[:1])
    with pytest.raises(TimeError) as e:
        classify(cube, labels, k=1)
    assert "`labels.isel(time=0)` for one set for every year, or keep the cube's years it has one step of, " \
        "`cube.isel(time=[0])`" in str(e.value)
