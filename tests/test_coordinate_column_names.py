"""A table of points whose longitude is 'long' (beside 'lat': R's map_data, survey sheets) is read as lon/lat by
classify, sample and the one-point readers, and so are QGIS's 'X'/'Y' (as x/y, as in a file); coordinates under
names no reader takes ('lon_dd', ArcGIS's 'POINT_X'/'POINT_Y', 'Easting'/'Northing') are refused naming those columns
and the rename that reads them.
Was: 'no lon/lat or x/y columns ... e.g. `df.rename(columns={'X': 'x'})`' for all of them."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map():
    "A 6 x 8 UTM map whose west half holds one vector and east half another, and 4 labelled pixels (r, c, label)."
    v = random_unit((2,), seed=5)
    e = embedding_from_array(np.where(np.arange(8)[None, :, None] < 4, v[0], v[1]) * np.ones((6, 8, 1), np.float32))
    return e, [(0, 0, 1), (5, 2, 1), (1, 5, 2), (4, 7, 2)]


def _table(e, pts, xname, yname, degrees):
    x = np.array([float(e.x[c]) for _, c, _ in pts]); y = np.array([float(e.y[r]) for r, _, _ in pts])
    if degrees: x, y = to_crs(x, y, e.attrs["crs"], "EPSG:4326")
    return pd.DataFrame({yname: y, xname: x, "label": [l for *_, l in pts]})


@pytest.mark.parametrize("names,degrees", [(("long", "lat"), True), (("Long", "Lat"), True), (("LONG", "LAT"), True),
                                           (("X", "Y"), False), (("X", "Y"), True)])
def test_long_lat_read_as_lon_lat(names, degrees):
    e, pts = _map()
    t = _table(e, pts, *names, degrees=degrees)
    want = np.where(np.arange(8) < 4, 1, 2)[None, :] * np.ones((6, 1), int)
    assert (classify(e, t, k=1)["class"].values == want).all()
    s = sample(e, t)
    assert s["inside"].all() and np.allclose(s["A00"], e.values[[0, 5, 1, 4], [0, 2, 5, 7], 0])


@pytest.mark.parametrize("names,degrees,fix", [
    (("lon_dd", "lat_dd"), True, "{'lon_dd': 'lon', 'lat_dd': 'lat'}"),
    (("POINT_X", "POINT_Y"), False, "{'POINT_X': 'x', 'POINT_Y': 'y'}"),
    (("Easting", "Northing"), False, "{'Easting': 'x', 'Northing': 'y'}")])
def test_other_coordinate_names_are_named_with_their_rename(names, degrees, fix):
    e, pts = _map()
    t = _table(e, pts, *names, degrees=degrees)
    for call in (lambda: classify(e, t, k=1), lambda: sample(e, t)):
        with pytest.raises(LabelError, match=re.escape(f"df.rename(columns={fix})")):
            call()
    renamed = t.rename(columns=eval(fix))   # the fix named works
    crs = {} if degrees else {"crs": "EPSG:32631"}
    assert sample(e, renamed, **crs)["inside"].all()
