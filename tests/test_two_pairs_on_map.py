"""Two (x, y) pairs read the one way that lies on the map (newcomer, s49): `e24.aef.sample([(5.99, 45.001), (5.995,
45.002)], crs="EPSG:4326")` raised LabelError "two (x, y) pairs or (xs, ys) ... nothing says which" though read as
(xs, ys) the second x is 45.001, 39 degrees off the map. `points_xy` now gives `xs_ys` the map's test: the only
reading whose points all lie on the map is taken; where both or neither do, the refusal stays, a `PointError` (a
query's points), not a LabelError (training labels keep theirs)."""
import numpy as np
import pytest

from alphaearth_nb.core import LabelError, PointError
from alphaearth_nb.geometries import read_geometries
from alphaearth_nb.places import sample
from alphaearth_nb.testing import band_names


def _lonlat_map(utm_emb):
    "A 12 x 12 lon/lat map near (6 E, 45 N), pixels 1e-4 degrees."
    e = utm_emb(4)
    return e.assign_coords(x=5.99 + 1e-4 * (np.arange(12) + 0.5), y=45.002 - 1e-4 * (np.arange(12) + 0.5)).assign_attrs(
        crs="EPSG:4326")


@pytest.mark.parametrize("crs", ["EPSG:4326", None])
@pytest.mark.parametrize("form", [tuple, list])
def test_the_one_reading_on_the_map_is_taken(utm_emb, crs, form):
    e = _lonlat_map(utm_emb)
    lon, lat = e.x.values[[1, 6]], e.y.values[[0, 5]]
    pairs = [form((float(lon[0]), float(lat[0]))), form((float(lon[1]), float(lat[1])))]
    got = sample(e, pairs, crs=crs)
    np.testing.assert_allclose(got[band_names()].to_numpy(), e.values[[0, 5], [1, 6]], atol=1e-7)
    assert got["inside"].all() and np.allclose(got["x_in"], lon)


def test_the_same_on_a_utm_map(utm_emb):
    e = utm_emb(5)
    pairs = [(float(e.x[1]), float(e.y[0])), (float(e.x[6]), float(e.y[5]))]
    got = sample(e, pairs, crs="EPSG:32631")
    np.testing.assert_allclose(got[band_names()].to_numpy(), e.values[[0, 5], [1, 6]], atol=1e-7)


def test_neither_reading_on_the_map_is_a_point_error(utm_emb):
    e = _lonlat_map(utm_emb)
    with pytest.raises(PointError, match="nothing says which .neither lies on the map."):
        sample(e, [(20.0, 10.0), (21.0, 11.0)], crs="EPSG:4326")


def test_training_labels_keep_their_label_error():
    with pytest.raises(LabelError, match="nothing says which"): read_geometries([(6.0, 45.0), (7.0, 46.0)])
