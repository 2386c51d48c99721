"""`sample` of points some off the map gave NaN rows with no word (all off: warned) (newcomer s55 finding 7): now a
NoDataWarning counting them and naming each (its index, the side it lies past)."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 7), seed=1))

def test_points_off_the_map_are_counted_and_named():
    x, y = float(E.x[2]), float(E.y[3])
    east, north = float(E.x.max()) + 100, float(E.y.max()) + 100
    with pytest.warns(NoDataWarning, match=r"2 of 3 points lie off the map \(rows 1 \(east\), 2 \(north\)\).*out\[out.inside\]"):
        out = E.aef.sample(([x, east, x], [y, y, north]), crs=E.attrs.get("crs") or "EPSG:32631")
    assert out["inside"].tolist() == [True, False, False] and np.isnan(out.loc[1, "A00"])

def test_points_all_on_the_map_are_quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        E.aef.sample(([float(E.x[2])], [float(E.y[3])]), crs=E.attrs.get("crs") or "EPSG:32631")

def test_rows_are_named_as_numbers_not_numpy_reprs():
    """A table of its own index (a filtered DataFrame) named a row `np.int64(20)` under numpy 2 (re-read r1 #3)."""
    import pandas as pd
    t = pd.DataFrame({"x": [float(E.x[2]), float(E.x.max()) + 100], "y": [float(E.y[3])] * 2}, index=[10, 20])
    with pytest.warns(NoDataWarning, match=r"\(row 20 \(east\)\)") as said:
        E.aef.sample(t, crs=E.attrs.get("crs") or "EPSG:32631")
    assert not any("np.int64" in str(w.message) for w in said)
