"""Cube zones map pixel corners to coordinates without affine's `*`-with-a-tuple form, which affine 3 deprecates
(PendingDeprecationWarning on every tile, H3 footprint and overlapping-zone window)."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.cubes import aggregate, tile_zones, transform_of
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box  # noqa: E402


def _cube(crs="EPSG:32633", x0=500005.0, y0=4500005.0, d=10.0, n=6):
    xs, ys = x0 + d * np.arange(n), y0 - d * np.arange(n)
    return embedding_from_array(random_unit((n, n), seed=3), coords={"y": ys, "x": xs}, crs=crs)


def test_tiles_and_overlapping_zones_without_pending_deprecation():
    e = _cube()
    with warnings.catch_warnings():
        warnings.simplefilter("error", PendingDeprecationWarning)
        z = tile_zones(e, 4)
        assert len(z) == 4
        b = z.total_bounds                                     # the tiles cover the grid's outer pixel edges
        assert np.allclose(b, [500000.0, 4499950.0, 500060.0, 4500010.0])
        zone = box(500000.0, 4499970.0, 500030.0, 4500010.0)   # 3 x 4 pixels, twice: overlapping, one window each
        over = gpd.GeoDataFrame({"id": [0, 1]}, geometry=[zone, zone], crs="EPSG:32633")
        assert aggregate(e, over).n_pixels.tolist() == [12, 12]


def test_h3_zones_without_pending_deprecation():
    pytest.importorskip("h3")
    e = _cube(crs="EPSG:4326", x0=10.0005, y0=45.0395, d=0.001, n=40)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PendingDeprecationWarning)
        a = aggregate(e, h3=8)
    assert len(a) > 1 and 0.8 * 40 * 40 < a.n_pixels.sum() <= 40 * 40   # cells centred on the footprint; edges may fall out


def test_transform_points_match_affine_matmul():
    t = transform_of(_cube())
    from alphaearth_nb.zones import _apply
    for p in [(0, 0), (6, 6), (2.5, 1.25)]:
        assert np.allclose(_apply(t, *p), t @ p) and np.allclose(_apply(~t, *(t @ p)), p)
