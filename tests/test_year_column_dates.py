"""A label or point table's `year` column of dates is read by each date's year (`timecodes.column_years`), as its
numbers are: datetime64 (`pd.to_datetime(df.year, format='%Y')`, with a time zone or not), `pd.Period`, date objects
and ISO date text, in classify/regress of a cube or of one map and in a cube's `sample`. Was: `pd.to_numeric`, so a
datetime64 column was its epoch count (classify: 'no row for the map's year 2024 (it holds [1704067200000000])';
sample: 'not a year of the cube [2022, 2023]', vectors NaN) and the other date forms 'not whole years'. A cube year
without rows names the years the column holds (was: only those it lacks)."""
import datetime
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.places import sample

# the cube and rows: conftest's `crop_rotation` (field (0, 0) wheat in 2022 and maize in 2023, field (7, 9) the
# other way round)

DATES = {
    "datetime64": lambda y: pd.to_datetime(y.astype(str), format="%Y"),
    "tz": lambda y: pd.to_datetime(y.astype(str), format="%Y").dt.tz_localize("UTC"),
    "period": lambda y: pd.to_datetime(y.astype(str), format="%Y").dt.to_period("Y"),
    "mid-year": lambda y: pd.to_datetime(y.astype(str) + "-06-15"),
    "date objects": lambda y: pd.Series([datetime.date(int(v), 7, 1) for v in y], dtype=object),
    "iso text": lambda y: y.astype(str) + "-03-01",
}


@pytest.mark.parametrize("form", list(DATES))
def test_a_cube_pairs_dated_rows_with_their_year(form, crop_rotation):
    r = crop_rotation
    rows = r.rows.assign(year=DATES[form](r.rows.year))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = classify(r.cube, rows, k=1, crs="EPSG:32631")
        pred = regress(r.cube, rows, method="knn", k=1, column="value", crs="EPSG:32631").values
    r.assert_each_year(out, pred)


@pytest.mark.parametrize("form", ["datetime64", "tz", "iso text"])
def test_one_map_keeps_its_years_dated_rows(form, crop_rotation):
    r = crop_rotation
    rows = r.rows.assign(year=DATES[form](r.rows.year))
    m = r.maps[1].assign_coords(time=pd.Timestamp("2023-01-01"))
    with pytest.warns(LabelWarning, match=r"years \[2022\] are not the map's year 2023 \(column 'year'\): left out"):
        cls = classify(m, rows, k=1, crs="EPSG:32631")["class"]
    names = np.asarray(cls.attrs["class_names"])
    assert [names[cls.values[0, 0]], names[cls.values[7, 9]]] == r.want[1]


def test_sample_reads_each_point_at_its_dated_year(crop_rotation):
    cube, rows = crop_rotation.cube, crop_rotation.rows
    want = sample(cube, rows, crs="EPSG:32631")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # was: '4 points have a 'year' ... that is not a year of the cube', NaN
        got = sample(cube, rows.assign(year=DATES["datetime64"](rows.year)), crs="EPSG:32631")
    assert got["inside"].all() and np.isfinite(got["A00"]).all()
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(), want.filter(like="A").to_numpy())


def test_no_row_of_a_cube_year_names_the_years_held(crop_rotation):
    cube, rows = crop_rotation.cube, crop_rotation.rows
    with pytest.raises(LabelError, match=r"no row for \[2022, 2023\] of the cube's years \[2022, 2023\] \(it holds "
                                         r"\[2021\]\)"):
        classify(cube, rows.assign(year=2021), k=1, crs="EPSG:32631")
    with pytest.raises(LabelError, match=r"holds \['spring'\], not whole years: write the year of each label \(2024\) "
                                         r"or its date"):
        classify(cube, rows.assign(year="spring"), k=1, crs="EPSG:32631")
