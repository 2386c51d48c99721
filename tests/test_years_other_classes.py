"""classify of a cube whose years are labelled with other classes (2021: 1, 2; 2022: 3, 4) stacks its years' results
with every class: xarray 2026's `concat` warned (FutureWarning) that its coming default, join='exact', refuses such
results, and under that default (`use_new_combine_kwarg_defaults`) the call was an AlignmentError."""
import warnings

import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube_and_labels():
    e = embedding_from_array(random_unit((4, 4), seed=2))
    years = pd.to_datetime(["2021-01-01", "2022-01-01"])
    cube = xr.concat([e, e], dim=xr.DataArray(years, dims="time", name="time"))
    l21, l22 = np.array([[1, 2, -1, -1]] * 4), np.array([[3, 4, -1, -1]] * 4)
    labs = xr.DataArray(np.stack([l21, l22]), dims=("time", "y", "x"), coords={"time": years, "y": e.y, "x": e.x})
    return cube, labs


def test_years_of_other_classes_join_outer_without_a_warning():
    cube, labs = _cube_and_labels()
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        r = classify(cube, labs, k=1)
    assert r["classes"].values.tolist() == [1, 2, 3, 4]
    s = r["scores"].values   # (time, y, x, classes): a year's scores NaN for the classes it has no label of
    assert np.isnan(s[0, ..., 2:]).all() and np.isnan(s[1, ..., :2]).all()
    assert np.isfinite(s[0, ..., :2]).all() and np.isfinite(s[1, ..., 2:]).all()
    assert set(np.unique(r["class"].sel(time="2021").values)) == {1, 2}
    assert set(np.unique(r["class"].sel(time="2022").values)) == {3, 4}


def test_years_of_other_classes_under_xarrays_coming_defaults():
    cube, labs = _cube_and_labels()
    want = classify(cube, labs, k=1)
    with xr.set_options(use_new_combine_kwarg_defaults=True):
        got = classify(cube, labs, k=1)
    xr.testing.assert_identical(got, want)
