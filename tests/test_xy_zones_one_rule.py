"""8ebe08e's rule for a table of points by x/y columns without `crs=` (read on the map by `geo.point_crs`: the
map's CRS where the points lie on the map so, else lon/lat) holds for `cubes.aggregate`'s point zones (with
`buffer=`) and `cubes.label_table` as for `sample` and `classify`: one helper, `places.read_places`. Was: aggregate
and label_table refused the table that sample and classify read ('a table with `x`/`y` columns needs its CRS').
Without a map (`read_geometries`) it stays that GridError."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb import cubes, geo, places
from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("geopandas")


@pytest.fixture
def emb():
    "A 6 x 6 map of random unit vectors on the 10 m grid of EPSG:32631 at (500000, 5000000)."
    return embedding_from_array(random_unit((6, 6)))


def _table(emb):
    return pd.DataFrame({"x": [5e5 + 15, 5e5 + 45], "y": [5e6 - 15, 5e6 - 45], "label": [1, 2]})


def test_point_zones_by_xy_are_read_on_the_map(emb):
    t = _table(emb)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = cubes.aggregate(emb, t, buffer=12)
    want = cubes.aggregate(emb, t, buffer=12, crs="EPSG:32631")
    assert got["n_pixels"].tolist() == want["n_pixels"].tolist() and min(got["n_pixels"]) > 0
    cols = aef.band_names()
    np.testing.assert_array_equal(got[cols].to_numpy(), want[cols].to_numpy())
    # x/y holding lon/lat degrees that lie on the map so: lon/lat, as sample reads them
    lon, lat = geo.to_crs(t.x, t.y, "EPSG:32631", "EPSG:4326")
    ll = cubes.aggregate(emb, t.assign(x=lon, y=lat), buffer=12)
    assert ll["n_pixels"].tolist() == want["n_pixels"].tolist()


def test_label_table_reads_xy_on_the_map(emb):
    t = _table(emb)
    got = cubes.label_table(emb, t)
    want = cubes.label_table(emb, t, crs="EPSG:32631")
    pd.testing.assert_frame_equal(got, want)
    assert got["x"].tolist() == [5e5 + 15, 5e5 + 45]


def test_without_a_map_the_table_still_needs_its_crs(emb):
    with pytest.raises(GridError, match="needs its CRS"):
        places.read_geometries(_table(emb))
    with pytest.raises(GridError, match="needs its CRS"):
        places.read_places(_table(emb))   # no map to read it on
