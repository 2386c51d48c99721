"""The live map of a lon/lat map whose columns lie in two pieces sorted apart across the antimeridian (longitudes in
-180..180, sorted ascending or descending) is the one-span map's: its sampler reads the grid north-up
(`geo.north_up`'s roll, as every other door since 71432d3), so tiles, clicks and hits land on the pixels that lie
there. Was: GridError '`x` holds the map's longitudes in two pieces sorted apart ...' from TileSampler (Explorer)."""
import importlib.util
import math

import numpy as np
import pytest

from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.tiles import TileSampler

H, W = 4, 6
LON = 179.99875 + 0.0005 * np.arange(W)              # 179.99875 .. 180.00125: one span across 180
LAT = 10 - 0.0005 * np.arange(H)
VEC = random_unit((H, W), seed=4)
ORDERS = ["ascending", "descending"]


def one_span():
    return embedding_from_array(VEC, coords={"y": LAT, "x": LON}, crs="EPSG:4326")


def two_pieces(order):
    e = one_span().assign_coords(x=(LON + 180) % 360 - 180)
    return e.sortby("x", ascending=order == "ascending")


def _tile(lon, lat, z):
    n = 2 ** z
    return int((lon + 180) / 360 * n) % n, int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)


@pytest.mark.parametrize("order", ORDERS)
def test_tiles_either_side_of_180_are_the_one_span_maps(order):
    got, want = TileSampler(two_pieces(order)), TileSampler(one_span())
    for lon in (179.9995, -179.9995):          # a tile west of 180 and one east of it
        z, (tx, ty) = 17, _tile(lon, 9.999, 17)
        a, b = got(z, tx, ty), want(z, tx, ty)
        assert np.isfinite(b).all(-1).sum() > 100
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("col", [0, 2, 3, 5])   # 179.99875, 179.99975 (west of 180), -179.99975, -179.99875 (east)
def test_a_point_takes_the_pixel_there(order, col):
    s = TileSampler(two_pieces(order))
    lon = (LON[col] + 180) % 360 - 180
    r, c, ok = s.rows_cols(np.array([lon]), np.array([LAT[1]]))
    assert ok.all()
    np.testing.assert_array_equal(s.window(r, c, ok)[0], VEC[1, col])


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
@pytest.mark.parametrize("order", ORDERS)
def test_a_click_east_of_180_queries_that_pixel_and_hits_lie_there(order):
    from alphaearth_nb.explorer import Explorer
    m = Explorer(two_pieces(order), threshold=0.999, basemaps=False)
    m._on_interaction(type="click", coordinates=(float(LAT[2]), -179.99975))   # pixel (2, 3), east of 180
    np.testing.assert_allclose(m.query, VEC[2, 3] / np.linalg.norm(VEC[2, 3]), atol=1e-6)
    h = m.hits
    assert len(h) == 1 and int(h["row"].iloc[0]) == 2 and float(h.geometry.y.iloc[0]) == LAT[2]
    assert abs(float(h.geometry.x.iloc[0]) - (-179.99975)) < 1e-9   # its longitude as written
    np.testing.assert_array_equal(m.emb.values[2, int(h["col"].iloc[0])], VEC[2, 3])   # col: of the map shown
