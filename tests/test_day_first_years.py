"""A `year` column of date text written day first ('31/12/2020', '31.12.2020': a spreadsheet's export in most of
Europe) or month first ('12/31/2020') is read by each date's year (`timecodes.column_years`), in classify/regress of
a cube and in a cube's `sample`, as ISO text is. Decided: a column whose days are all <= 12 ('01/06/2022') is read
too, since its year is the same under either order; a text no order makes a date ('31/02/2022') and a two-digit
year stay unread (classify's 'not whole years', naming them). Was: LabelError "holds ['31/12/2022'], not whole
years" for every day-first column (session 31's newcomer walk)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.timecodes import column_years

E1, E2 = (embedding_from_array(random_unit((8, 10), seed=s)) for s in (5, 9))   # 10 m, corner (500000, 5000000)
CUBE = xr.concat([E1, E2], dim="time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
CUBE.attrs = dict(E1.attrs)
# field (0, 0) is wheat in 2022 and maize in 2023, field (7, 9) the other way round
ROWS = pd.DataFrame({"x": [500005.0, 500095.0] * 2, "y": [4999995.0, 4999925.0] * 2,
                     "label": ["wheat", "maize", "maize", "wheat"], "value": [1.0, 2.0, 2.0, 1.0]})
WANT = [["wheat", "maize"], ["maize", "wheat"]]   # by hand: k=1 at a labelled pixel is its own label, year by year
FORMS = {"day-first /": ["31/12/2022", "15/03/2022", "01/06/2023", "28/02/2023"],
         "day-first .": ["31.12.2022", "15.3.2022", "1.6.2023", "28.02.2023"],
         "day-first with a time": ["31/12/2022 10:30", "15/03/2022 00:00", "01/06/2023 23:59:59", "28/02/2023 12:00"],
         "month-first": ["12/31/2022", "03/15/2022", "06/01/2023", "02/28/2023"],
         "all days <= 12": ["01/06/2022", "12/03/2022", "05/05/2023", "11/02/2023"]}


@pytest.mark.parametrize("form", list(FORMS))
def test_a_cube_pairs_day_first_rows_with_their_year(form):
    rows = ROWS.assign(year=FORMS[form])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = classify(CUBE, rows, k=1, crs="EPSG:32631")
        pred = regress(CUBE, rows, method="knn", k=1, column="value", crs="EPSG:32631").values
        got = sample(CUBE, rows, crs="EPSG:32631")
    names = np.asarray(out["class"].attrs["class_names"])
    assert [[names[out["class"].values[t, 0, 0]], names[out["class"].values[t, 7, 9]]] for t in range(2)] == WANT
    np.testing.assert_array_equal(pred[:, [0, 7], [0, 9]], [[1.0, 2.0], [2.0, 1.0]])
    want = sample(CUBE, ROWS.assign(year=[2022, 2022, 2023, 2023]), crs="EPSG:32631")
    np.testing.assert_array_equal(got.filter(like="A").to_numpy(), want.filter(like="A").to_numpy())


def test_the_years_of_each_text_form():
    np.testing.assert_array_equal(column_years(["31/12/2020", "31.12.2020", "31-12-2020", "12/31/2020", "2020/12/31",
                                                "2020.12.31", "29/02/2024", " 1/6/2021 "]),
                                  [2020, 2020, 2020, 2020, 2020, 2020, 2024, 2021])
    assert np.isnan(column_years(["31/02/2020", "13/13/2020", "29/02/2023", "31/12/20", "00/01/2020"])).all()


def test_text_that_is_no_date_is_still_named():
    with pytest.raises(LabelError, match=r"holds \['31/02/2022'\], not whole years"):
        classify(CUBE, ROWS.assign(year=["31/02/2022", "15/03/2022", "01/06/2023", "28/02/2023"]), k=1,
                 crs="EPSG:32631")
