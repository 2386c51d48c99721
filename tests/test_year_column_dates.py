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
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

E1, E2 = (embedding_from_array(random_unit((8, 10), seed=s)) for s in (5, 9))   # 10 m, corner (500000, 5000000)
CUBE = xr.concat([E1, E2], dim="time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
CUBE.attrs = dict(E1.attrs)
# field (0, 0) is wheat in 2022 and maize in 2023, field (7, 9) the other way round (a crop rotation)
ROWS = pd.DataFrame({"x": [500005.0, 500095.0] * 2, "y": [4999995.0, 4999925.0] * 2,
                     "label": ["wheat", "maize", "maize", "wheat"], "value": [1.0, 2.0, 2.0, 1.0],
                     "year": [2022, 2022, 2023, 2023]})
WANT = [["wheat", "maize"], ["maize", "wheat"]]   # by hand: k=1 at a labelled pixel is its own label, year by year

DATES = {
    "datetime64": lambda y: pd.to_datetime(y.astype(str), format="%Y"),
    "tz": lambda y: pd.to_datetime(y.astype(str), format="%Y").dt.tz_localize("UTC"),
    "period": lambda y: pd.to_datetime(y.astype(str), format="%Y").dt.to_period("Y"),
    "mid-year": lambda y: pd.to_datetime(y.astype(str) + "-06-15"),
    "date objects": lambda y: pd.Series([datetime.date(int(v), 7, 1) for v in y], dtype=object),
    "iso text": lambda y: y.astype(str) + "-03-01",
}


@pytest.mark.parametrize("form", list(DATES))
def test_a_cube_pairs_dated_rows_with_their_year(form):
    rows = ROWS.assign(year=DATES[form](ROWS.year))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = classify(CUBE, rows, k=1, crs="EPSG:32631")
        pred = regress(CUBE, rows, method="knn", k=1, column="value", crs="EPSG:32631").values
    names = np.asarray(out["class"].attrs["class_names"])
    cls = out["class"].values
    assert [[names[cls[t, 0, 0]], names[cls[t, 7, 9]]] for t in range(2)] == WANT
    np.testing.assert_array_equal(pred[:, [0, 7], [0, 9]], [[1.0, 2.0], [2.0, 1.0]])


@pytest.mark.parametrize("form", ["datetime64", "tz", "iso text"])
def test_one_map_keeps_its_years_dated_rows(form):
    rows = ROWS.assign(year=DATES[form](ROWS.year))
    m = E2.assign_coords(time=pd.Timestamp("2023-01-01"))
    with pytest.warns(UserWarning, match=r"years \[2022\] are not the map's year 2023 \(column 'year'\): left out"):
        cls = classify(m, rows, k=1, crs="EPSG:32631")["class"]
    names = np.asarray(cls.attrs["class_names"])
    assert [names[cls.values[0, 0]], names[cls.values[7, 9]]] == WANT[1]


def test_sample_reads_each_point_at_its_dated_year():
    want = sample(CUBE, ROWS, crs="EPSG:32631")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # was: '4 points have a 'year' ... that is not a year of the cube', NaN
        got = sample(CUBE, ROWS.assign(year=DATES["datetime64"](ROWS.year)), crs="EPSG:32631")
    assert got["inside"].all() and np.isfinite(got["A00"]).all()
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(), want.filter(like="A").to_numpy())


def test_no_row_of_a_cube_year_names_the_years_held():
    with pytest.raises(LabelError, match=r"no row for \[2022, 2023\] of the cube's years \[2022, 2023\] \(it holds "
                                         r"\[2021\]\)"):
        classify(CUBE, ROWS.assign(year=2021), k=1, crs="EPSG:32631")
    with pytest.raises(LabelError, match=r"holds \['spring'\], not whole years: write the year of each label \(2024\) "
                                         r"or its date"):
        classify(CUBE, ROWS.assign(year="spring"), k=1, crs="EPSG:32631")
