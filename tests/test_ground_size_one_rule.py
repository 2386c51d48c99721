"""A pixel's size on the ground was measured two ways: `schema.pixel_metres` by WGS 84 geodesics, and
`official_grids.ground_scale` by the projection's scale factor over its unit (pyproj's `get_factors`, taken on the
sphere EPSG:3857 projects onto): 0.2% apart in EPSG:3857 at 45 N (7.07 x 7.07 m against 7.08 x 7.06 m). Both now
measure by `schema.ground_metres`, so a Web-Mercator grid's warning and its pixels' measured size agree."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.official_grids import ground_scale
from alphaearth_nb.schema import pixel_metres


def _grid(crs, x0, y0, step, n=5):
    return xr.DataArray(np.zeros((n, n)), dims=("y", "x"),
                        coords={"y": y0 - step * np.arange(n), "x": x0 + step * np.arange(n)}, attrs={"crs": crs})


@pytest.mark.parametrize("crs,lon,lat", [("EPSG:3857", 6.0, 45.0), ("EPSG:3857", 20.0, 60.0), ("EPSG:32631", 3.0, 45.0),
                                         ("EPSG:2263", -74.0, 40.7)])
def test_ground_scale_and_pixel_metres_measure_one_size(crs, lon, lat):
    from pyproj import Transformer
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    kx, ky = ground_scale(crs, lon, lat)
    g = _grid(crs, x - 20, y + 20, 10.0)   # its centre pixel at (x, y)
    mx, my = pixel_metres(g)
    np.testing.assert_allclose([10 / kx, 10 / ky], [mx, my], rtol=1e-5)   # one step north or south of 10 m: the scale moves by ~1e-6


def test_web_mercator_is_not_square_on_the_ellipsoid():
    "Hand-worked on the WGS 84 ellipsoid (e^2 = 0.00669438) at 45 N: east-west cos(lat) / sqrt(1 - e^2 sin^2) = " \
    "0.70830 m a unit, north-south (1 - e^2) cos(lat) / (1 - e^2 sin^2)^1.5 = 0.70593 m."
    kx, ky = ground_scale("EPSG:3857", 6.0, 45.0)
    assert 1 / kx == pytest.approx(0.70830, abs=2e-5) and 1 / ky == pytest.approx(0.70593, abs=2e-5)
