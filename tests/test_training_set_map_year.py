"""training_set called alone with one year's map and labels carrying a `year` column (a DataFrame, a CSV file, a dict)
keeps the rows of the map's year, as classify/regress do since dcdf657: one rule (`supervised.rows_of_map`), its
warning naming the column and the years left out. Was: every row trained it, the other years' labels too."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case():
    v = random_unit((2,), seed=5)
    e = embedding_from_array(np.where((np.arange(36) % 2).reshape(6, 6, 1) == 0, v[0], v[1]).astype(np.float32))
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 1, 0, 1]], "y": y[[0, 0, 0, 0]], "label": [1, 2, 2, 1], "Year": [2023, 2023, 2024, 2024]})
    return e, t


@pytest.mark.parametrize("form", ["frame", "csv", "dict"])
def test_training_set_keeps_the_maps_year(form, tmp_path):
    e, t = _case()
    m = e.assign_attrs(period_start="2024-01-01")
    labels = {"frame": t, "dict": {k: t[k].to_numpy() for k in t}}.get(form)
    if form == "csv": t.to_csv(labels := tmp_path / "l.csv", index=False)
    with pytest.warns(LabelWarning, match=r"years \[2023\] are not the map's year 2024 \(column 'Year'\): left out \(2 rows\)"):
        X, vals = training_set(m, labels, crs="EPSG:32631" if form != "frame" else None)
    assert sorted(vals.tolist()) == [1, 2] and len(X) == 2            # 2024's rows: (0,0) -> 2, (0,1) -> 1
    with pytest.raises(LabelError, match=r"no row for the map's year 2019"):
        training_set(e.assign_attrs(period_start="2019-01-01"), t)


def test_one_refusal_through_classify_and_training_set_alike():
    "A map recording no year, rows of two years: the same LabelError from both (s52: was every row, warned once)."
    e, t = _case()
    with pytest.raises(LabelError, match="records no year") as a:
        training_set(e, t)
    with pytest.raises(LabelError, match="records no year") as b:
        classify(e, t, k=1)
    assert str(a.value) == str(b.value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        training_set(e.assign_attrs(period_start="2024-01-01"), t[t.Year == 2024])   # the map's year alone: silent
