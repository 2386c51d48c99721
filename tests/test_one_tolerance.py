"""Mends of session 27's review (session 28): one measure of "the same pixel" where the meaning is one. A stack's
sources are on one grid by `geo.check_same_grid`'s rule (`schema.check_grid` had its own, 1 mm in any unit), and a
label raster's pixel size may differ by what `spatial.stored_rounding` allows (`labels._size_slack`, now `label_grids._size_slack`, had its own)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import label_grids, schema, spatial
from alphaearth_nb.core import GridError

DEG = 10 / 111_320   # a 10 m pixel in degrees of latitude


def _source(x, y, crs):
    return xr.Dataset({"B2": (("time", "y", "x"), np.zeros((1, len(y), len(x)), np.float32))},
                      coords={"time": [np.datetime64("2024-01-01")], "y": y, "x": x}, attrs={"crs": crs})


def test_sources_five_pixels_apart_in_degrees_are_on_different_grids():
    "1e-3 in degrees is 11 pixels of 10 m: sources 5 pixels apart passed as one grid. Now refused, with the fix."
    x, y = 6.0 + DEG * np.arange(8), 45.0 - DEG * np.arange(6)
    ref = ("sentinel2", _source(x, y, "EPSG:4326"))
    with pytest.raises(GridError, match=r"sentinel1 and sentinel2 are on different grids .*interp_like\(stack\['sentinel2'\]\)"):
        schema.check_grid("sentinel1", _source(x + 5 * DEG, y, "EPSG:4326"), ref)
    schema.check_grid("sentinel1", _source(x.copy(), y.copy(), "EPSG:4326"), ref)          # the same grid: passes


def test_sources_whose_coordinates_were_stored_as_float32_are_one_grid():
    "UTM northings near 5,000,000 m stored as float32 (a zarr or GeoTIFF writer) are 0.25 m off: 1 mm refused them."
    x, y = 500_005.0 + 10 * np.arange(8), 5_000_095.0 - 10 * np.arange(6) + 0.3
    ref = ("sentinel2", _source(x, y, "EPSG:32631"))
    s1 = _source(x.astype("float32"), y.astype("float32"), "EPSG:32631")
    assert np.abs(s1.y.values.astype(np.float64) - y).max() > 1e-3
    schema.check_grid("sentinel1", s1, ref)
    with pytest.raises(GridError, match="different grids"):
        schema.check_grid("sentinel1", _source(x + 2.0, y, "EPSG:32631"), ref)            # a fifth of a pixel: refused


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_the_label_size_slack_is_stored_rounding_spread_over_the_steps(dtype):
    x = (100 + DEG * np.arange(90)).astype(dtype)
    o = xr.DataArray(np.zeros(90), dims="x", coords={"x": x})
    p = spatial.axis_step(o, "x")
    assert label_grids._size_slack(o, "x", p) == spatial.stored_rounding(o, "x") / (p * 89)
    assert (label_grids._size_slack(o, "x", p) > 0) == (dtype == "float32")
