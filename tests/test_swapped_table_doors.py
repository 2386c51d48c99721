"""A table of points whose longitude and latitude are swapped is told so (`geo.SWAP_HINT`, or `check_degrees`' swap with
the rename of the table's own columns) at every door that reads tables, as `classify` and `aef evaluate` told it:
- `sample` of an x/y table without a CRS (read on the map's UTM grid, so the swap was never tried): the map's and the
  points' bounds alone were said;
- `sample` of an x/y table with crs='EPSG:4326' in Australia (latitudes 151): 'far outside the area of use of
  EPSG:4326', a CRS typo, not the swap;
- `classify`/`training_set` of a dict of arrays with lon/lat keys, and `supervised.label_points` of a lon/lat table:
  'lacks columns x, y ... `df.rename(columns={'lon': 'lon', 'lat': 'lat'})`' (a rename that does nothing); they are now
  read as degrees, as the DataFrame is;
- `aggregate` of point zones (a buffer) swapped: told so (was: "check ... the lon/lat order", never which);
- the rename of a swap named 'lat'/'lon' whatever the table's columns were ('Longitude'/'Latitude', x/y)."""
import warnings

import numpy as np
import pandas as pd
import pyproj
import pytest

from alphaearth_nb.core import LabelError, NoDataWarning, PointError
from alphaearth_nb.geo import SWAP_HINT
from alphaearth_nb.supervised import label_points, training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

PLACES = {"sydney": (151.2, -33.87, "EPSG:32756"), "france": (3.0, 45.0, "EPSG:32631")}


def _map(place):
    "An 8 x 8 map of 10 m pixels in the place's UTM zone, and the lon/lat of three of its pixel centres."
    lon, lat, crs = PLACES[place]
    e0, n0 = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    emb = embedding_from_array(random_unit((8, 8), 1), {"y": n0 - 10 * (np.arange(8) + .5),
                                                         "x": e0 + 10 * (np.arange(8) + .5)}, crs)
    r, c = np.array([1, 6, 3]), np.array([2, 5, 7])
    lo, la = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(emb.x.values[c], emb.y.values[r])
    return emb, np.asarray(lo), np.asarray(la), r, c


@pytest.mark.parametrize("place", list(PLACES))
def test_sample_of_an_xy_table_without_crs(place):
    emb, lon, lat, _, _ = _map(place)
    with pytest.warns(NoDataWarning, match="look swapped") as w:
        out = emb.aef.sample(pd.DataFrame({"x": lat, "y": lon}))   # latitude given as x
    assert not out["inside"].any()
    assert any(SWAP_HINT in str(m.message) for m in w)


def test_sample_of_an_xy_table_in_degrees_past_90():
    emb, lon, lat, _, _ = _map("sydney")
    with pytest.raises(PointError, match="look swapped") as e:
        emb.aef.sample(pd.DataFrame({"x": lat, "y": lon}), crs="EPSG:4326")   # latitudes 151
    assert "df.rename(columns={'y': 'x', 'x': 'y'})" in str(e.value)


def test_the_rename_names_the_tables_own_columns():
    emb, lon, lat, _, _ = _map("sydney")
    with pytest.raises(PointError) as e:
        emb.aef.sample(pd.DataFrame({"Longitude": lat, "Latitude": lon}))
    assert "df.rename(columns={'Latitude': 'Longitude', 'Longitude': 'Latitude'})" in str(e.value)


def test_classify_of_a_dict_of_lon_lat_arrays():
    emb, lon, lat, r, c = _map("france")
    lab = [1, 2, 1]
    X, y = training_set(emb, {"lon": lon, "lat": lat, "label": lab})   # its vectors: the three pixels'
    np.testing.assert_array_equal(X, emb.values[r, c])
    np.testing.assert_array_equal(y, lab)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # fewer labels than k: not this test's
        got = emb.aef.classify({"lon": lon, "lat": lat, "label": lab}, k=1)["class"].values
    np.testing.assert_array_equal(got[r, c], lab)   # each labelled pixel its own label
    with pytest.raises(LabelError, match="look swapped"):
        emb.aef.classify({"lon": lat, "lat": lon, "label": lab}, k=1)


def test_label_points_reads_lon_lat_columns():
    emb, lon, lat, r, c = _map("sydney")
    xs, ys, v = label_points(pd.DataFrame({"lon": lon, "lat": lat, "label": [4, 5, 6]}), grid_crs=emb.attrs["crs"])
    np.testing.assert_allclose(xs, emb.x.values[c], atol=1e-6)   # the pixel centres, in the grid's metres
    np.testing.assert_allclose(ys, emb.y.values[r], atol=1e-6)
    np.testing.assert_array_equal(v, [4, 5, 6])
    with pytest.raises(PointError) as e:
        label_points(pd.DataFrame({"lon": lat, "lat": lon, "label": [4, 5, 6]}), grid_crs=emb.attrs["crs"])
    assert "look swapped" in str(e.value) and "df.rename(columns={'lat': 'lon', 'lon': 'lat'})" in str(e.value)
    with pytest.raises(LabelError, match="projected"):   # lon/lat columns are degrees: a projected crs= is refused
        label_points(pd.DataFrame({"lon": lon, "lat": lat, "label": [4, 5, 6]}), crs=emb.attrs["crs"])


@pytest.mark.parametrize("cols", [("lon", "lat"), ("x", "y")])
def test_aggregate_of_swapped_point_zones(cols):
    "`aggregate`'s zones (points with a buffer) swapped: told so (was: 'check ... the lon/lat order', never which)."
    emb, lon, lat, _, _ = _map("france")
    with pytest.warns(NoDataWarning) as w:
        out = emb.aef.aggregate(pd.DataFrame({cols[0]: lat, cols[1]: lon}), buffer=5)
    assert (out["n_pixels"] == 0).all()
    assert any(SWAP_HINT in str(m.message) for m in w), [str(m.message) for m in w]
    got = emb.aef.aggregate(pd.DataFrame({"lon": lon, "lat": lat}), buffer=5)   # the right order: on the map
    assert (got["n_pixels"] == 1).all()
