"""label_grids._finer reads a raster of the map's pixel size as not finer by on_map_grid's own same-size rule: a
thousandth, plus the rounding of coordinates stored in float32 (longitudes near 100: 7.6e-6 degrees, 0.16% of a
10 pixel span of 9e-5 degree pixels), so a raster
on_map_grid took for the map's pixels is never also 'finer' (was: 0.999 alone, float32 rounding left out)."""
import warnings

import numpy as np
import xarray as xr

from alphaearth_nb.label_grids import _finer, on_map_grid

CRS = "EPSG:32631"


def _grid(x, y, dtype=np.float64, v=None):
    v = np.zeros((len(y), len(x))) if v is None else v
    return xr.DataArray(v, dims=("y", "x"), coords={"y": np.asarray(y, dtype), "x": np.asarray(x, dtype)},
                        attrs={"crs": CRS})


def _map():   # 10 m pixels, 20 x 20, at a northing of 5e6 m
    return _grid(500_005.0 + 10 * np.arange(20), 4_999_995.3 - 10 * np.arange(20))


def _lonlat(dtype=np.float64):   # 10 x 10 pixels of 9e-5 degrees (~10 m) by longitude 100 E
    g = _grid(100.00004 + 9e-5 * np.arange(10), 1.0 - 9e-5 * np.arange(10), dtype)
    g.attrs["crs"] = "EPSG:4326"
    return g


def test_float32_copy_of_the_maps_pixels_is_not_finer():
    g, lab = _lonlat(), _lonlat(np.float32)   # the same pixels, coordinates stored in float32
    step = float(lab.x[-1] - lab.x[0]) / 9
    assert abs(step / 9e-5 - 1) > 1e-3, step   # the stored rounding alone moves the read size past a thousandth
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # on_map_grid: the map's own pixels, nothing resampled nor warned
        on = on_map_grid(g, lab)
    assert on.sizes == g.sizes
    assert not _finer(g, lab)


def test_a_finer_raster_is_still_finer():
    g = _map()
    half = _grid(500_002.5 + 5 * np.arange(40), 5_000_000 - 5 * np.arange(40))
    assert _finer(g, half)
    near = _grid(500_005.0 + 9.98 * np.arange(20), 4_999_995.3 - 9.98 * np.arange(20))   # 0.2% smaller, float64
    assert _finer(g, near)


def test_another_crs_threshold_is_a_thousandth_per_axis():
    g = _map()
    lonlat = _grid([3.0, 3.0001, 3.0002], [45.0, 44.9999, 44.9998])
    lonlat.attrs["crs"] = "EPSG:4326"
    assert _finer(g, lonlat)   # ~7.9 x 11.1 m in the map's CRS: under 10 x 10
