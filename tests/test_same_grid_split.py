"""Whether two maps lie on one grid (check_same_grid, a half-pixel offset, one lattice over two extents) lives in
`same_grid` (02f, below geo), so geo keeps clear of the layout's module size (it was 573 of 600 lines); geo re-exports
half_pixel_off, half_pixel_hint, one_lattice_hint and check_same_grid (the same objects), and its callers (stacks,
analysis, ...) read them from geo as before."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import GridError
from alphaearth_nb.spatial import grid_coords, write_crs

NAMES = ["half_pixel_off", "half_pixel_hint", "one_lattice_hint", "check_same_grid", "orient_like",
         "refuse_interleaved"]   # s46: orient_like (join_years), refuse_interleaved (yearly_change, change)


def _grid(ny=3, nx=4, **kw):
    "A north-up grid of 10 m pixels in UTM 31N (x from 500,000, y down from 5,000,000: pixel centres at +-5)."
    return write_crs(xr.DataArray(np.zeros((ny, nx)), dims=("y", "x"), coords=grid_coords(ny, nx, **kw)), "EPSG:32631")


def test_geo_reexports_the_grid_comparison(reexported):
    same_grid, geo = reexported("same_grid", "geo", NAMES)
    assert same_grid.__all__ == NAMES
    assert all(getattr(same_grid, n).__module__ == "alphaearth_nb.same_grid" for n in NAMES)


def test_a_grid_half_a_pixel_off_is_named_with_its_shift():
    "Hand-worked: x given as the pixels' west edges (500,000, 500,010, ...) is 5 m, half a 10 m pixel, off the centres."
    from alphaearth_nb import geo
    g = _grid()
    off = g.assign_coords(x=g.x - 5.0)
    assert geo.half_pixel_off(g, off) == {"x": 5.0}
    with pytest.raises(GridError, match=r"x coordinates differ, by up to 5.*other\.assign_coords\(x=other\.x \+ 5\)"):
        geo.check_same_grid(g, off)


def test_one_lattice_over_two_extents_is_put_on_the_others_pixels():
    "Hand-worked: a 3 x 6 grid whose columns start 2 pixels east lies on the 3 x 4 grid's lattice; tolerance 10/4 m."
    from alphaearth_nb import geo
    with pytest.raises(GridError, match=r"x: 4 vs 6 pixels.*reindex\(y=emb\.y, x=emb\.x, method='nearest', "
                                        r"tolerance=2\.5\)"):
        geo.check_same_grid(_grid(), _grid(nx=6, x0=500_020.0))
    geo.check_same_grid(_grid(), _grid().assign_attrs(crs="epsg:32631"))   # one CRS spelt two ways: one grid


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("same_grid", 200)   # s46: 150 -> 200 for orient_like (moved from analysis) and refuse_interleaved
    split_module_check("geo", 560)   # s50: 520 -> 545 for the off-map words (`_off_said`, `_lonlat_of`: sides, lon/lat spans); s54: 560 for drop= (the off-map fix phrase passed in, not spliced); s56: 575 for `_zone_said` (points in their own UTM zone: a map of the wrong zone); s57: 560 again, the feet twins (`FEET`, `feet_twin`) moved to crs_checks beside `utm_crs`
