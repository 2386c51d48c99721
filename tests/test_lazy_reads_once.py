"""A lazy official map read more than it needs: a Dataset of A00..A63 variables (the official layout, xee / Earth
Engine) was read by `from_official`'s gate before its labels were placed, so labels off the map were refused only
after its chunks were computed (a DataArray's labels were placed first since a73bd6e1)."""
import threading

import dask.array as dsa
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit

SIDE = 64


def _counted(h=3 * SIDE, w=4 * SIDE):
    "A lazy map (y, x, band) of SIDE-pixel chunks recording each chunk computed: (map, computed)."
    computed, lock = [], threading.Lock()
    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"][:2]
        with lock: computed.append((y0, x0))
        return random_unit((y1 - y0, x1 - x0), y0 * 7 + x0)
    data = dsa.map_blocks(block, chunks=((SIDE,) * (h // SIDE), (SIDE,) * (w // SIDE), (64,)), dtype="float32")
    m = embedding_from_array(np.zeros((1, 1, 64), "float32"))
    coords = {"y": 5e6 - 10.0 * np.arange(h), "x": 5e5 + 10.0 * np.arange(w), "band": m.band.values}
    return xr.DataArray(data, dims=("y", "x", "band"), coords=coords, attrs=m.attrs), computed


def _points(m, off=1):
    "Four labelled points on map `m` (two classes) and `off` more east of it."
    x, y = m.x.values, m.y.values
    return pd.DataFrame({"x": [x[3], x[40], x[100], x[200], *(x[-1] + 1e4 * (1 + np.arange(off)))],
                         "y": [y[5], y[60], y[120], y[90], *([y[10]] * off)], "label": [1, 1, 2, 2, *([2] * off)]})


def test_a_dataset_of_a00_a63_places_its_labels_before_a_chunk_is_read():
    m, computed = _counted()
    ds = m.to_dataset("band")   # the official layout: one variable a band
    assert len(ds.data_vars) == 64 and computed == []
    with pytest.raises(LabelError, match=r"1 label\(s\) lie outside the grid"):
        analysis.classify(ds, _points(m), k=1, crs="EPSG:32631")
    assert computed == [], computed   # was: from_official's gate read its sample first


def test_a_dataset_off_map_drop_equals_the_dataarray():
    m, _ = _counted()
    m = m.compute()
    with pytest.warns(Warning, match="1 of 5 labelled points lie off the map"):
        got = analysis.classify(m.to_dataset("band"), _points(m), k=1, crs="EPSG:32631", off_map="drop")
    want = analysis.classify(m, _points(m, off=0), k=1, crs="EPSG:32631")
    np.testing.assert_array_equal(got["class"].values, want["class"].values)
