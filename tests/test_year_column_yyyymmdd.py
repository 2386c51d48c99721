"""A label or point table's `year` column of dates written YYYYMMDD without separators (20220105, as a CSV's
DATE_ACQUIRED or a product name gives them; pandas reads the column as int64, or as text '20220105') is named as
such, with the conversion that passes them as dates (each date's year is then read, `timecodes.column_years`):
`LabelError` in classify/regress (cube or one map), and `sample`'s warning. Was: 'no row for [2022, 2023] of the
cube's years (it holds [20220105, ...])' or '... not a year of the cube', naming neither the form nor the fix."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError, NoDataWarning
from alphaearth_nb.places import sample

DAYS = {2022: 20220105, 2023: 20230315}


def _fixed(message, rows):
    "The message's `table['year'] = ...` fix (the table as it names it), run on a copy of `rows`."
    m = re.search(r"`((\w+)\['year'\] = .+?)`", message)
    table = rows.copy()
    exec(m[1], {"pd": pd, "np": np, m[2]: table})
    return table


@pytest.mark.parametrize("form", [int, str, float])   # float: a CSV column with an empty cell reads as 20220105.0
def test_a_cube_names_yyyymmdd_and_its_fix_works(form, crop_rotation):
    r = crop_rotation
    rows = r.rows.assign(year=[form(DAYS[y]) for y in r.rows.year])
    with pytest.raises(LabelError, match=r"column 'year' of the labels holds \[.?20220105(\.0)?.?, .?20230315(\.0)?.?\].*look like "
                                         r"dates written YYYYMMDD") as e:
        classify(r.cube, rows, k=1, crs="EPSG:32631")
    fixed = _fixed(str(e.value), rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = classify(r.cube, fixed, k=1, crs="EPSG:32631")
        pred = regress(r.cube, fixed, method="knn", k=1, column="value", crs="EPSG:32631").values
    r.assert_each_year(out, pred)


def test_one_map_names_yyyymmdd(crop_rotation):
    r = crop_rotation
    rows = r.rows.assign(year=[DAYS[y] for y in r.rows.year])
    m = r.maps[1].assign_coords(time=pd.Timestamp("2023-01-01"))
    with pytest.raises(LabelError, match="YYYYMMDD"):
        classify(m, rows, k=1, crs="EPSG:32631")


def test_sample_names_yyyymmdd(crop_rotation):
    cube, rows = crop_rotation.cube, crop_rotation.rows
    with pytest.warns(NoDataWarning, match=r"not a year of the cube.*look like dates written YYYYMMDD") as w:
        sample(cube, rows.assign(year=[DAYS[y] for y in rows.year]), crs="EPSG:32631")
    msg = next(str(x.message) for x in w if "YYYYMMDD" in str(x.message))
    fixed = _fixed(msg, rows.assign(year=[DAYS[y] for y in rows.year]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = sample(cube, fixed, crs="EPSG:32631")
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(),
                                  sample(cube, rows, crs="EPSG:32631").filter(like="A").to_numpy())
