"""One year's map and a table of labels with a `year` column (cubes.sample's form): classify/regress train on the rows
of the map's year (`cubes.map_year`: a scalar `time`, `period_start`, from_official's `time` attr), the others left out
with a warning naming the column and their years; a map recording no year takes every row, warned. Was: every row,
the other years' labels too (pixel (0, 0): class 1 in 2023, 2 in 2024, both trained the 2024 map)."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case():
    v = random_unit((2,), seed=5)                                     # two directions, alternating pixels
    e = embedding_from_array(np.where((np.arange(36) % 2).reshape(6, 6, 1) == 0, v[0], v[1]).astype(np.float32))
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 1, 0, 1]], "y": y[[0, 0, 0, 0]], "label": [1, 2, 2, 1], "Year": [2023, 2023, 2024, 2024]})
    return e, t


@pytest.mark.parametrize("how", ["time", "period_start", "isel"])
def test_a_map_of_one_year_trains_on_its_rows(how):
    e, t = _case()
    m = {"time": e.assign_coords(time=pd.Timestamp("2024-01-01")),
         "period_start": e.assign_attrs(period_start="2024-01-01"),
         "isel": e.expand_dims(time=pd.to_datetime(["2024-01-01"])).isel(time=0)}[how]
    with pytest.warns(LabelWarning, match=r"years \[2023\] are not the map's year 2024 \(column 'Year'\): left out \(2 rows\)"):
        c = classify(m, t, k=1)["class"].values
    assert c[0, 0] == 2 and c[0, 1] == 1                              # 2024's labels (2023's: 1, 2)
    with pytest.warns(LabelWarning, match="column 'Year'"):
        r = regress(m, t.rename(columns={"label": "value"}).astype({"value": float}), method="knn", k=1).values
    assert r[0, 0] == 2.0 and r[0, 1] == 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")                                 # the map's year alone: nothing to say
        classify(m, t[t.Year == 2024], k=1)


def test_a_file_of_labels_and_no_row_of_the_year(tmp_path):
    e, t = _case()
    m = e.assign_attrs(period_start="2024-01-01")
    p = tmp_path / "l.csv"; t.to_csv(p, index=False)
    with pytest.warns(LabelWarning, match="column 'Year'"):
        assert classify(m, str(p), k=1, crs="EPSG:32631")["class"].values[0, 0] == 2
    with pytest.raises(LabelError, match=r"no row for the map's year 2019 \(it holds \[2023, 2024\]\)"):
        classify(e.assign_attrs(period_start="2019-01-01"), t, k=1)


def test_a_map_recording_no_year_takes_one_years_rows():
    "Rows of several years for a map of no year: refused with the fixes (s52: was every row, warned)."
    e, t = _case()
    with pytest.raises(LabelError, match=r"'Year' column holds years \[2023, 2024\] but the map records no year.*"
                                         r"period_start"):
        classify(e, t, k=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        classify(e, t[t.Year == 2024], k=1)                            # one year: every row, silent
