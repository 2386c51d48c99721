"""Field case C1's kind for continuous targets: a value raster or table whose no-data code is not declared
(-9999 in a table of canopy heights, 255 in a uint8 percent-cover raster) was fitted as a value without a word:
kNN regression predicted -9999 m and 255 % on the map. Declared no-data (`attrs['nodata']`) was and is left out.
Right: warned, naming the value, its share and the fix (declare it on a raster, drop the rows of a table), as
`classify` warns of a class id that looks like no data; the fix run as written predicts only real values."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import regress
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.evaluate import evaluate_regression
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 6), seed=5))
KEEP = np.zeros((6, 6), bool); KEEP[::2] = True          # 18 pixels with a value, 18 with the fill
HEIGHT = np.arange(36, dtype=np.float64).reshape(6, 6)   # 0 .. 35 m


def table(fill=-9999.0):
    v = np.where(KEEP, HEIGHT, fill)
    return pd.DataFrame({"x": np.tile(EMB.x.values, 6), "y": np.repeat(EMB.y.values, 6), "value": v.ravel()})


def cover(fill=255):
    v = np.where(KEEP, np.arange(36).reshape(6, 6) * 2, fill).astype(np.uint8)   # 0 .. 70 %
    return xr.DataArray(v, dims=("y", "x"), coords={"y": EMB.y, "x": EMB.x}, attrs={"crs": "EPSG:32631"})


def test_table_fill_is_warned_and_the_fix_works():
    df = table()
    with pytest.warns(LabelWarning, match=r"-9999 holds 18 of 36 .*df = df\[df\['value'\] != -9999\]"):
        pred = regress(EMB, df, method="knn", k=1)
    assert float(pred.min()) == -9999                     # as it was fitted: the warning says so
    df = df[df['value'] != -9999]                          # the fix, as the warning words it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pred = regress(EMB, df, method="knn", k=1)
    assert 0 <= float(pred.min()) and float(pred.max()) <= 35


def test_raster_fill_is_warned_and_the_fix_works():
    targets = cover()
    with pytest.warns(LabelWarning, match=r"255 holds 18 of 36 .*targets.attrs\['nodata'\] = 255"):
        regress(EMB, targets, method="knn", k=1)
    targets.attrs['nodata'] = 255                         # the fix, as the warning words it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pred = regress(EMB, targets, method="knn", k=1)
    assert float(pred.max()) <= 70


def test_protocol_warns_too():
    y = np.where(KEEP, HEIGHT, -9999.0).ravel()
    with pytest.warns(LabelWarning, match=r"-9999 holds 18 of 36 .*keep = y != -9999"):
        evaluate_regression(EMB.values.reshape(-1, 64), y, n_train=(5,), folds=2)


def test_real_values_are_not_fills():
    from alphaearth_nb.evaluate import fill_like_values   # new: imported here so the other tests run on older packages
    assert fill_like_values(np.array([-50.0, 0.0, 12.5, 50.0])) == []              # negative values: values
    assert fill_like_values(np.array([0.0, 255.0, 400.0, 1000.0])) == []           # 255 m among 0..1000 m
    assert fill_like_values(np.array([-9999.0, 1.0])) == []                        # one other value: nothing to judge
    assert [f[0] for f in fill_like_values(np.array([3.4028235e38, 1.0, 2.0], np.float32))] == [pytest.approx(3.4028235e38)]
    assert [f[0] for f in fill_like_values(np.array([200, 255, 10, 20], np.uint8), np.uint8)] == [255]   # uint8's largest
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        regress(EMB, table(fill=-1.0), method="knn", k=1)                          # -1 m: a value, silent
