"The live map's tiles of a map one pixel high or wide: the pixel keeps its size (it was drawn 1 m across)."
import math

import numpy as np
import pytest

from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.tiles import TileSampler, tile_lonlat


def _tile_of(lon, lat, z):
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)


@pytest.mark.parametrize("axis", ["y", "x"])
def test_a_one_pixel_strip_is_drawn_at_its_pixel_size(axis):
    v = random_unit((20, 30), seed=3)
    emb = embedding_from_array(v)
    strip = emb.isel({axis: [7]})   # one row (or column) of 10 m pixels: `sel` of a transect keeps such a strip
    s = TileSampler(strip)
    assert (s.dx, s.dy) == (10.0, -10.0)   # was 1.0 / -1.0 along the strip's one pixel
    # a point 3 m off the strip's centre line lies on its pixels (was: outside, NaN)
    off = {"y": (0.0, 3.0), "x": (3.0, 0.0)}[axis]
    px, py = float(strip.x[min(7, strip.sizes["x"] - 1)]) + off[0], float(strip.y[min(7, strip.sizes["y"] - 1)]) + off[1]
    r, c, ok = s.rows_cols(np.array([px]), np.array([py]))
    assert ok[0]
    np.testing.assert_array_equal(s.window(r, c, ok)[0], strip.values[r[0], c[0]])
    # the tile over it: every tile pixel whose centre lies within the strip's 10 m is drawn, the others not
    lon, lat = (float(a[0]) for a in to_crs([px], [py], "EPSG:32631", "EPSG:4326"))
    z = 19; tx, ty = _tile_of(lon, lat, z)
    lo, la = tile_lonlat(z, tx, ty)
    xs, ys = to_crs(lo.ravel(), la.ravel(), "EPSG:4326", "EPSG:32631")
    xs, ys = np.asarray(xs), np.asarray(ys)
    g = strip[axis].values[0]
    near = np.abs((ys if axis == "y" else xs) - g)
    other = xs if axis == "y" else ys
    lo_o, hi_o = strip["x" if axis == "y" else "y"].values.min() - 5, strip["x" if axis == "y" else "y"].values.max() + 5
    inside = (near < 4.99) & (other > lo_o + 0.01) & (other < hi_o - 0.01)
    outside = (near > 5.01) | (other < lo_o - 0.01) | (other > hi_o + 0.01)
    drawn = np.isfinite(s(z, tx, ty).reshape(-1, 64)).all(1)
    assert inside.sum() > 1000 and drawn[inside].all() and not drawn[outside].any()
