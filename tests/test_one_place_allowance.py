"""Session 46's review, 1 and 2: how far apart two coordinates may lie and still name one place. `check_same_grid`
allowed float32's rounding whatever the coordinates' dtype (a float64 grid 0.25 m off a 10 m UTM grid, or 1e-5
degrees off a 10 m grid at longitude 180, was 'the same grid'), and `refuse_interleaved` took two labels for one
place only closer than `_NEAR = 0.1` of the axis's widest step, an unsourced number. Now one allowance
(`same_grid._one_place`): a hundredth of a pixel, or the rounding of the coordinates' dtype where larger (float32),
under a quarter of a pixel; the interleave check reads it against the pixel beside each pair of labels."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import GridError
from alphaearth_nb.same_grid import check_same_grid, refuse_interleaved
from alphaearth_nb.testing import embedding_from_array, random_unit

DEG = 10 / 111_320   # a 10 m pixel in degrees


def _utm(px=10.0, h=4, w=5, north=5_000_035.0):
    return embedding_from_array(random_unit((h, w), seed=3), crs="EPSG:32631",
                                coords={"y": north - px * np.arange(h), "x": 500_005.0 + px * np.arange(w)})


def _lonlat(h=4, w=5):
    return embedding_from_array(random_unit((h, w), seed=4), crs="EPSG:4326",
                                coords={"y": -16.0 - DEG * np.arange(h), "x": 179.9995 + DEG * np.arange(w)})


@pytest.mark.parametrize("shift", [0.25, 0.5])   # float32 units at a northing of 5e6 m: 0.5 m
def test_a_float64_grid_off_by_a_float32_step_is_another_grid(shift):
    m = _utm()
    with pytest.raises(GridError, match=r"different grids \(y coordinates differ, by up to 0\.\d+, more than the 0\.1 "):
        check_same_grid(m, m.assign_coords(y=m.y + shift))


def test_a_float64_lonlat_grid_off_by_a_float32_step_near_180_is_another_grid():
    e = _lonlat()   # float32 keeps longitude 180 to 1.5e-5 degrees, a sixth of the pixel: not float64's noise
    with pytest.raises(GridError, match="different grids"):
        check_same_grid(e, e.assign_coords(x=e.x + 1.2e-5))


def test_the_same_grid_stored_as_float32_is_still_one_grid():
    m, e = _utm(north=5_000_035.3), _lonlat()
    m32 = m.assign_coords(y=m.y.astype(np.float32), x=m.x.astype(np.float32))
    e32 = e.assign_coords(y=e.y.astype(np.float32), x=e.x.astype(np.float32))
    assert np.abs(m32.y.values.astype(float) - m.y.values).max() > 0.1   # the rounding is really there
    assert np.abs(e32.x.values.astype(float) - e.x.values).max() > DEG / 100
    check_same_grid(m, m32)
    check_same_grid(e32, e)
    with pytest.raises(GridError, match="half a pixel off"):   # the half-pixel offset stays another grid
        check_same_grid(m, m32.assign_coords(x=m32.x + np.float32(5.0)))


@pytest.mark.parametrize("px", [10.0, 30.0])
def test_the_allowance_is_a_share_of_the_pixel(px):
    m = _utm(px)
    check_same_grid(m, m.assign_coords(y=m.y + px / 200, x=m.x - 1e-6))   # half a hundredth: one place
    with pytest.raises(GridError, match="different grids"):
        check_same_grid(m, m.assign_coords(y=m.y + px / 50))                # two hundredths: another grid


def test_one_pixel_wide_strips_take_the_other_axis_pixel():
    m = _utm().isel(x=[2])
    check_same_grid(m, m.assign_coords(x=m.x + 0.05))
    with pytest.raises(GridError, match="different grids"):
        check_same_grid(m, m.assign_coords(x=m.x + 0.5))


def _outer(maps):
    return xr.concat(maps, "time", join="outer")


def test_a_float32_year_joined_with_a_float64_one_is_refused_as_interleaved_near_180():
    "Labels 1.2e-5 degrees apart (within float32's unit at 180, 1.5e-5) name one place; `_NEAR * step.max()` (9e-6)"
    " took them for two, so the interleaved cube read silently."
    e = _lonlat()
    cube = _outer([e, e.assign_coords(x=e.x + 1.2e-5), e])
    assert cube.sizes["x"] == 10
    with pytest.raises(GridError, match="join_years"):
        refuse_interleaved(cube)


def test_rows_a_pixel_apart_beside_wide_gaps_are_two_places():
    m = _utm(h=60)
    sel = m.isel(y=[0, 1, 2, 30, 31, 32, 58, 59])   # three pieces of rows, 280 m gaps
    late = sel.where(sel.y != sel.y[1])             # a year without data in one row
    refuse_interleaved(xr.concat([sel, late], "time"))
