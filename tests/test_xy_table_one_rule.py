"""A table of points by x/y columns given without `crs=` is read by one rule wherever a map is there to read it on
(`geo.point_crs`: the map's CRS where the points lie on the map so, else lon/lat): `sample` (a DataFrame, a dict of
arrays, a CSV file alike) as `training_set`/`classify` do (was: sample refused it, 'needs its CRS', while classify
read it). Where no map is (`read_geometries`, `official.sample_points`) it is a GridError naming `crs=`."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridError, NoDataWarning
from alphaearth_nb.places import read_geometries, sample
from alphaearth_nb.testing import embedding_from_array, random_unit

BANDS = [f"A{i:02d}" for i in range(64)]


def _case():
    e = embedding_from_array(random_unit((6, 6), seed=1))            # EPSG:32631
    x, y = e.x.values, e.y.values
    return e, pd.DataFrame({"x": x[[0, 1, 2, 3]], "y": y[[0, 0, 1, 1]], "label": [1, 2, 1, 2]})


def test_sample_reads_an_xy_table_as_classify_does(tmp_path):
    e, t = _case()
    want = sample(e, t, crs="EPSG:32631")[BANDS].to_numpy()
    t.to_csv(p := tmp_path / "t.csv", index=False)
    for given in (t, str(p), {k: t[k].to_numpy() for k in t}):
        got = sample(e, given)
        assert got["inside"].all() and np.array_equal(got[BANDS].to_numpy(), want)
    assert classify(e, t, k=1)["class"].values[0, 0] == 1              # the same table trains classify


def test_off_the_map_and_no_map_name_crs():
    e, t = _case()
    with pytest.warns(NoDataWarning, match="crs="):
        out = sample(e, t.assign(x=t.x + 1e6))
    assert not out["inside"].any()
    with pytest.raises(GridError, match=r"needs its CRS.*crs="):
        read_geometries(t)                                             # no map to read it on
