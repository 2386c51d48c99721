"""A lon/lat map across the antimeridian whose columns lie in two pieces sorted apart (longitudes written in
-180..180 and `sortby('x')`: -179.99975..-179.99875, then 179.99875..179.99975) is sampled at its points by place,
and the doors that need one regular grid (`places.grid_of`: coarsen, to_cog) say how to store it in one span
(field case B3: longitude is a circle). Was: sample raised "`x` is not regularly spaced (... 359.997 somewhere)"
with the fix `obj.reindex(x=np.arange(-179.99975, 180.0, 0.0005), ...)`, a map 720,000 columns wide over the globe."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis, places
from alphaearth_nb.core import GridError, band_names
from alphaearth_nb.testing import embedding_from_array, random_unit

H, W = 4, 6
LON = 179.99875 + 0.0005 * np.arange(W)              # 179.99875 .. 180.00125: one span across 180
LAT = 10 - 0.0005 * np.arange(H)
VEC = random_unit((H, W), seed=4)


def one_span():
    return embedding_from_array(VEC, coords={"y": LAT, "x": LON}, crs="EPSG:4326")


def sorted_gap():
    e = one_span()
    return e.assign_coords(x=(e.x.values + 180) % 360 - 180).sortby("x")


def test_circle_start_finds_the_second_piece():
    assert places.circle_start(sorted_gap()) == 3                     # 179.99875 is its fourth column
    assert places.circle_start(one_span()) == 0
    wrapped = one_span().assign_coords(x=(LON + 180) % 360 - 180)    # 179.99975, -179.99975: one span already
    assert places.circle_start(wrapped) == 0
    utm = embedding_from_array(VEC)                                   # metres: no circle
    assert places.circle_start(utm) == 0


@pytest.mark.parametrize("lon", [(LON + 180) % 360 - 180, LON])   # the points in -180..180 and in 0..360
def test_sample_reads_each_point_s_own_vector(lon):
    lons, lats = np.meshgrid(lon, LAT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = sorted_gap().aef.sample((lons.ravel(), lats.ravel()), crs="EPSG:4326")
    assert t["inside"].all()
    np.testing.assert_array_equal(t[band_names()].values, VEC.reshape(-1, 64))   # written at those places


def test_grid_of_names_the_roll_and_the_roll_works():
    gap = sorted_gap()
    with pytest.raises(GridError, match="two pieces sorted apart across the antimeridian") as err:
        places.grid_of(gap)
    fix = re.search(r"`obj = (obj\.roll\([^`]*\))`", str(err.value)).group(1)
    rolled = eval(fix, {"obj": gap})
    x0, dx, y0, dy = places.grid_of(rolled)
    assert x0 == pytest.approx(LON[0], abs=1e-9) and y0 == LAT[0] and dx == pytest.approx(0.0005) and dy == pytest.approx(-0.0005)
    np.testing.assert_array_equal(rolled.transpose("y", "x", "band").values, VEC)   # the one-span map's pixels


@pytest.mark.parametrize("first_gap", [True, False])
def test_change_pairs_the_two_orders_by_place(first_gap):
    moved = VEC.copy()
    moved[2, 4] = random_unit((1,), seed=9)[0]            # one pixel changed: 180.00075 E, the second piece
    other = embedding_from_array(moved, coords={"y": LAT, "x": LON}, crs="EPSG:4326")
    a, b = (sorted_gap(), other) if first_gap else (one_span(), sorted_gap_of(other))
    out = analysis.change(a, b).transpose("y", "x")
    np.testing.assert_array_equal(out.x.values, a.x.values)                        # on the first map's grid
    at = np.isclose((out.x.values + 180) % 360 - 180, -179.99925, rtol=0, atol=1e-9)   # the changed pixel
    want = 1 - float(np.dot(VEC[2, 4], moved[2, 4]))
    assert float(out.values[2, at][0]) == pytest.approx(want, abs=1e-6)
    rest = np.ones(out.shape, bool)
    rest[2, np.flatnonzero(at)] = False
    assert float(np.abs(out.values[rest]).max()) < 1e-6                           # the same vectors everywhere else


def sorted_gap_of(e):
    return e.assign_coords(x=(e.x.values + 180) % 360 - 180).sortby("x")


def test_longitudes_stored_as_float32_are_found_and_sampled():
    "netCDF writers store lat/lon as float32: 179.99975 keeps 24 bits, so the steps of a 0.0005-degree grid differ " \
    "by up to one unit in the last place (1.5e-5, 3% of a step). Found as the float64 map is, by `grid_of`'s rule " \
    "(`stored_rounding`). Was: circle_start 0 (its steps judged to 1e-6 alone) and sample's 'not regularly spaced'."
    gap = sorted_gap()
    gap32 = gap.assign_coords(x=gap.x.values.astype(np.float32), y=gap.y.values.astype(np.float32))
    assert places.circle_start(gap32) == 3
    lons, lats = np.meshgrid(((LON + 180) % 360 - 180).astype(np.float32), LAT.astype(np.float32))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = gap32.aef.sample((lons.ravel(), lats.ravel()), crs="EPSG:4326")
    assert t["inside"].all()
    np.testing.assert_array_equal(t[band_names()].values, VEC.reshape(-1, 64))
