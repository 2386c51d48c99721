"A stack whose pixels are not about 10 m square on the ground (xee's lon/lat default, an export at another scale) is"
" warned naming its size in metres and the reprojection; the model reads every source on a 10 m grid (AEF.md S1)."
from functools import partial

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.stacks import pixel_metres, validate_stack
from alphaearth_nb.testing import said


@pytest.fixture(scope="module")
def s2():
    stack = aef.load_scene()[0]
    return stack["sentinel2"].to_dataset().isel(y=slice(40, 56), x=slice(40, 56), time=slice(0, 12))


_size_warnings = partial(said, validate_stack, category=UnitsWarning, holding="on the ground")


def _lonlat(s2, step, lat):
    return s2.assign_coords(x=3.0 + step * np.arange(16), y=lat - step * np.arange(16)).assign_attrs(crs="EPSG:4326")


def test_ten_metre_utm_passes(s2):
    assert _size_warnings(s2) == []
    assert np.allclose(pixel_metres(s2), 10, atol=0.02)


def test_lonlat_grid_is_warned(s2):
    got = _size_warnings(_lonlat(s2, 1e-4, 50.7))   # xee's crs='EPSG:4326', scale=0.0001: 7 m by 11 m
    assert len(got) == 1 and "7.07 m east-west by 11.1 m north-south" in got[0], got
    assert "EPSG:32631" in got[0] and "resolution=10" in got[0] and "latitude 50.7" in got[0], got


def test_lonlat_near_equator_is_ten_metres(s2):
    assert _size_warnings(_lonlat(s2, 9e-5, 0.5)) == []   # 10.0 x 9.95 m: a 10 m grid in degrees


@pytest.mark.parametrize("step", [30.0, 100.0, 1.0])
def test_other_scale_is_warned(s2, step):
    ds = s2.assign_coords(x=s2.x.values[0] + step * np.arange(16), y=s2.y.values[0] - step * np.arange(16))
    got = _size_warnings(ds)
    assert len(got) == 1 and f"{step:.3g} m east-west by {step:.3g} m north-south" in got[0], got


def test_web_mercator_metres_are_not_ground_metres(s2):
    # 10 Web Mercator metres at latitude 50.7 are 6.3 m on the ground
    ds = s2.assign_coords(x=333_958.0 + 10 * np.arange(16), y=6_566_000.0 - 10 * np.arange(16)).assign_attrs(
        crs="EPSG:3857")
    got = _size_warnings(ds)
    assert len(got) == 1 and "6.3" in got[0] and "EPSG:3857" in got[0], got


def test_warning_names_the_zone_of_a_grid_across_the_antimeridian(s2):
    # the warning's latitude and UTM zone are read where its size is (pixel_metres' centre pixel, x as one span):
    # was the median of the wrapped x (179.9.., -179.9..: about 0), so zone 30 or 31, half a world away
    x = (179.99925 + 1e-4 * np.arange(16) + 180) % 360 - 180
    ds = s2.assign_coords(x=x, y=-50.0 - 1e-4 * np.arange(16)).assign_attrs(crs="EPSG:4326")
    got = _size_warnings(ds)
    assert len(got) == 1 and ("EPSG:32760" in got[0] or "EPSG:32701" in got[0]) and "latitude -50.0" in got[0], got
