"""Every reader of a cube's years agrees, whatever the time encoding the cube reader accepts (numpy dates, dates at
local midnight in a zone, dates in the evening before a zone's new year, cftime calendars, pandas periods, year
numbers, year and date text, Python dates): `years_of_cube`, `map_year` of each year cut by `wall_times`,
`join_years`, `rows_by_year`, `classify` of a table with a `year` column, and `yearly_change`'s refusal naming the
years of a two-year cube. Was, for a timezone-aware cube (2022..2024 at midnight in Paris): `join_years` relabelled it
2021..2023 (map_year read `cube.isel(time=i)`'s time, which xarray gives in UTC, 2021-12-31 23:00), `classify` with
labels of 2022 refused 'no row for the map's year 2021', `yearly_change` said 'got 2 ([2021, 2022])', and the
results of `change`/`classify` of the cube carried the UTC times (2021-12-31 23:00), not the cube's."""
import datetime
import warnings

import cftime
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify
from alphaearth_nb.core import DimensionError
from alphaearth_nb.cubes import join_years, map_year, yearly_change
from alphaearth_nb.places import wall_times, years_of_cube
from alphaearth_nb.supervised import rows_by_year
from alphaearth_nb.testing import embedding_from_array, random_unit

YEARS = [2022, 2023, 2024]
MAPS = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2, 3)]
TIMES = {
    "datetime64": pd.to_datetime([f"{y}-01-01" for y in YEARS]),
    "paris midnight": pd.to_datetime([f"{y}-01-01" for y in YEARS]).tz_localize("Europe/Paris"),
    "tokyo midnight": pd.to_datetime([f"{y}-01-01" for y in YEARS]).tz_localize("Asia/Tokyo"),
    "los angeles evening": pd.to_datetime([f"{y}-12-31 20:00" for y in YEARS]).tz_localize("America/Los_Angeles"),
    "cftime noleap": [cftime.DatetimeNoLeap(y, 1, 1) for y in YEARS],
    "cftime 360_day": [cftime.Datetime360Day(y, 7, 1) for y in YEARS],
    "period": pd.period_range("2022", periods=3, freq="Y"),
    "year numbers": YEARS,
    "year floats": [float(y) for y in YEARS],
    "year text": [str(y) for y in YEARS],
    "date text": [f"{y}-01-01" for y in YEARS],
    "python dates": [datetime.date(y, 6, 1) for y in YEARS],
}


def cube_of(times):
    return xr.concat(MAPS, dim=pd.Index(times, name="time"))


def table():
    "Two labelled pixels a year, classes 1 and 2 at pixels (0, 0) and (3, 3)."
    x, y = MAPS[0].x.values, MAPS[0].y.values
    return pd.DataFrame({"x": [x[0], x[3]] * 3, "y": [y[0], y[3]] * 3, "label": [1, 2] * 3,
                         "year": np.repeat(YEARS, 2)})


@pytest.fixture(params=list(TIMES), ids=list(TIMES))
def cube(request):
    return cube_of(TIMES[request.param])


def test_years_of_cube_and_each_cut_year_agree(cube):
    assert years_of_cube(cube).tolist() == YEARS
    assert [map_year(wall_times(cube).isel(time=i)) for i in range(3)] == YEARS


def test_join_years_keeps_the_years(cube):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # a cube joined by concat: its models unknown (said elsewhere)
        assert join_years([cube]).time.dt.year.values.tolist() == YEARS
        parts = join_years([cube.isel(time=[0]), cube.isel(time=[1, 2])])
    assert parts.time.dt.year.values.tolist() == YEARS


def test_rows_by_year_and_classify_pair_each_year_with_its_rows(cube):
    rows = rows_by_year(cube, table())
    assert [r["year"].unique().tolist() for r in rows] == [[y] for y in YEARS]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = classify(cube, table(), k=1)
    assert got.sizes["time"] == 3
    ids = got["class"].values if isinstance(got, xr.Dataset) else got.values
    assert (ids[:, 0, 0] != ids[:, 3, 3]).all()   # each year trained on its two classes


def test_two_years_are_named_as_the_cube_says(cube):
    with pytest.raises(DimensionError, match=r"got 2 \(\[2022, 2023\]\)"):
        yearly_change(cube.isel(time=[0, 1]))


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/Los_Angeles"])
def test_results_over_a_zoned_cube_keep_its_times(zone):
    cube = cube_of(pd.to_datetime([f"{y}-01-01" for y in YEARS]).tz_localize(zone))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        other = cube.copy(data=cube.data[::-1])   # its years reversed: change(cube, cube) is SameMapError (b4274378)
        for got in (change(cube, other), classify(cube, table(), k=1)):
            assert got.indexes["time"].equals(cube.indexes["time"])
