"""Labels per year stacked along `year` (int years: what `labels.groupby('time.year').first()` gives) for a cube's
classify/regress: the error names the rename that pairs them by year, and that rename works. Was: 'a label raster has
dims (y, x), got ('year', 'y', 'x'): select one layer, e.g. `labels.isel(year=0)`', which keeps one year's labels."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit

MAPS = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (4, 5, 6)]
CUBE = xr.concat(MAPS, dim="time").assign_coords(time=pd.to_datetime(["2019-01-01", "2020-01-01", "2021-01-01"]))


def _labels(dim, years):
    lab = np.full((3, 5, 6), np.nan)
    for t in range(3):
        lab[t, 0, 0], lab[t, 1, 1], lab[t, 2, 2], lab[t, 3, 3] = 1, 2, 1 + t % 2, 2 - t % 2   # classes swap by year
    e = MAPS[0]
    return xr.DataArray(lab, dims=(dim, "y", "x"), coords={dim: years, "y": e.y, "x": e.x})


@pytest.mark.parametrize("fn, kw", [("classify", {"k": 1}), ("regress", {"method": "knn", "k": 1})])
def test_labels_along_year_are_told_the_rename_that_pairs_them(fn, kw):
    lab = _labels("year", [2019, 2020, 2021])
    with pytest.raises(LabelError, match=r"labels.rename\(\{'year': 'time'\}\)") as e:
        getattr(CUBE.aef, fn)(lab, **kw)
    assert "steps through years" in str(e.value)
    got = getattr(CUBE.aef, fn)(lab.rename({"year": "time"}), **kw)   # the fix, as named
    got = got["class"] if fn == "classify" else got
    want = getattr(CUBE.aef, fn)(_labels("time", CUBE.time.values), **kw)
    want = want["class"] if fn == "classify" else want
    np.testing.assert_array_equal(got.values, want.values)
    assert got.values[2, 2, 2] == 1 and got.values[1, 2, 2] == 2      # each year its own labels


def test_another_extra_dim_is_still_told_to_select_one_layer():
    lab = _labels("band", [1, 2, 3])
    with pytest.raises(LabelError, match=r"select one layer, e.g. `labels.isel\(band=0\)`"):
        MAPS[0].aef.classify(lab, k=1)
