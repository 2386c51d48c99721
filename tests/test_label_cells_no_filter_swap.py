"""`label_grids.cells_inside` (every label raster `classify`, `regress` and `points_at` train on) moved a raster's
corner coordinates to the centres by `centred` inside `warnings.catch_warnings()` + 'ignore', to keep from saying
again what `on_map_grid` had said: process-wide before Python 3.14, it swapped every thread's filters meanwhile and
hid the user's own. It now takes the centres from `grids.corner_centres` (`centred`'s test, no warning) and enters
no `catch_warnings`; the corners are still moved and said once."""
import inspect
import types
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from affine import Affine

from alphaearth_nb import grids, label_grids
from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def canon():
    return embedding_from_array(random_unit((5, 6), seed=14))


def _corners(canon, labels):
    "A label raster as stackstac reads it: x/y its cells' top-left corners, the affine in attrs['transform']."
    left, top = float(canon.x[0]) - 5, float(canon.y[0]) + 5
    return xr.DataArray(labels[None, None], dims=("time", "band", "y", "x"),
                        coords={"time": pd.to_datetime(["2021-01-01"]), "band": ["map"], "x": canon.x.values - 5,
                                "y": canon.y.values + 5, "epsg": 32631},
                        attrs={"crs": "epsg:32631", "transform": Affine(10, 0, left, 0, -10, top)})


def test_cells_inside_enters_no_catch_warnings(canon, monkeypatch):
    entered = []

    class Recording:
        def __init__(self, *a, **k): entered.append(a)
        def __enter__(self): return None
        def __exit__(self, *exc): return False

    monkeypatch.setattr(label_grids, "warnings", types.SimpleNamespace(**{**vars(warnings), "catch_warnings": Recording}))
    L = np.random.default_rng(15).choice([10, 20, 30], size=canon.shape[:2]).astype(np.float64)
    with warnings.catch_warnings(record=True) as seen:   # the test's own capture, around the whole call
        warnings.simplefilter("always")
        got = classify(canon, _corners(canon, L), k=1)["class"].values
    assert not entered, entered   # was: one process-wide filter swap a label raster
    np.testing.assert_array_equal(got, L.astype(np.int64))   # the corners moved onto the map's pixels
    said = [w for w in seen if issubclass(w.category, GridWarning) and "top-left corners" in str(w.message)]
    assert len(said) == 1, [str(w.message)[:80] for w in seen]
    assert "catch_warnings" not in inspect.getsource(label_grids.cells_inside)


def test_corner_centres_is_centreds_move_without_its_warning(canon):
    lab = _corners(canon, np.ones(canon.shape[:2])).squeeze(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # corner_centres warns nothing
        moved = grids.corner_centres(lab)
    with pytest.warns(GridWarning, match="top-left corners"):
        c = grids.centred(lab)
    np.testing.assert_array_equal(moved["x"], c.x.values); np.testing.assert_array_equal(moved["y"], c.y.values)
    np.testing.assert_array_equal(moved["x"], canon.x.values)
    assert grids.corner_centres(c) == {} and grids.corner_centres(canon) == {}   # centres already: nothing to move
