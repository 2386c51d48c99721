"""Covariates in a unit other than the registry's are named with the unit and its conversion: a DEM's elevation in
feet (told by its slope: a gradient 3.28 times the slope's tangent on steep ground; without a slope, where its 99th
percentile passes 9,000 m), a slope in percent (steep ground reads above 90, which no slope in degrees does), ERA5's
total precipitation in millimetres per day (a median above 3 m a month: wetter than Mawsynram even in its monsoon). Was: each passed
the unit checks, its values kept (or masked as out of range) without a word. No false alarm on the real covariates
in ../shared/data or on realistic extremes (Everest 8,849 m, the Dead Sea -430 m, slopes up to 90 degrees, a month
with a 300 mm storm day, Mawsynram's monsoon). Decided, and said in units' docstrings: a slope in percent on gentle
ground (within 1.75 of degrees), a DEM in feet of lowland without its slope, precipitation in m per day (as dry as
Lima's drizzle months in m per month), in mm per hour (within 1.4 of m per month) or in mm per day under 3 (a wet
place's m per month) cannot be told by their values."""
import re

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.units import check_units

FEET = 1 / 0.3048   # feet in a metre (units.FEET)

RNG = np.random.default_rng(32)


def _fix(err, values):
    "The message's first fix in backticks, run on `values` (as `ds[bands]`)."
    code = str(err.value).split("`")[1].split(" = ")[-1]
    return eval(re.sub(r"ds\[[^\]]*\]", "v", code), {"np": np, "v": values})


def _patch_dem(shared_data):
    from alphaearth_nb.readers import read_worldcereal_patch
    return read_worldcereal_patch(root=shared_data)["dem"].to_dataset()


def _tree(dem): return xr.DataTree.from_dict({"dem": dem})


# --- elevation in feet -------------------------------------------------------------------------------------------
def test_a_real_dem_in_feet_is_told_by_its_slope(shared_data):
    dem = _patch_dem(shared_data)                      # Belgium, 144..171 m, slopes 0..9 degrees (integers)
    validate_stack(_tree(dem))                         # in metres: no word
    feet = dem.assign(elevation=dem.elevation * FEET)  # 472..561 ft: inside -500..9000 m, so its values cannot tell
    with pytest.raises(UnitsError, match=r"dem\.elevation should be in m but looks like feet: its gradient is "
                                         r"4\.\d+ times .*`ds\['elevation'\] = ds\['elevation'\] \* 0\.3048`") as e:
        validate_stack(_tree(feet))
    validate_stack(_tree(feet.assign(elevation=_fix(e, feet.elevation))))


def _mountain(n=160, res=10.0, peak=8849.0, low=-430.0):
    "A DEM (1, n, n) from `low` to `peak` metres with its slope in degrees (np.gradient's, as check_terrain reads it)."
    yy, xx = np.mgrid[0:n, 0:n] * res
    c = n * res / 2
    r = np.hypot(yy - c, xx - c) / c
    e = low + (peak - low) * np.clip(1 - r, 0, 1) ** 1.5 + 40 * np.sin(xx / 100) * np.cos(yy / 150)
    s = np.degrees(np.arctan(np.hypot(*np.gradient(e, res, res))))
    coords = {"time": np.array(["2024-01-01"], "datetime64[ns]"), "y": 5e6 - yy[:, 0] - res / 2,
              "x": 4e5 + xx[0] + res / 2}
    return xr.Dataset({"elevation": (("time", "y", "x"), e[None]), "slope": (("time", "y", "x"), s[None])},
                      coords=coords, attrs={"crs": "EPSG:32645", "source": "dem"})


def test_everest_and_the_dead_sea_in_metres_pass_and_in_feet_are_told():
    dem = _mountain()                                  # -430 .. 8,849 m, slopes to 80 degrees and more
    assert float(dem.elevation.min()) < -400 and float(dem.elevation.max()) > 8800 and float(dem.slope.max()) > 60
    validate_stack(_tree(dem))
    check_units("dem", ("elevation", "slope"), (dem.elevation.values, dem.slope.values))
    with pytest.raises(UnitsError, match="looks like feet"):
        validate_stack(_tree(dem.assign(elevation=dem.elevation * FEET)))


def test_mountains_in_feet_without_a_slope_are_told_by_the_top_of_the_range():
    alps = RNG.uniform(600, 4800, 5000)                # metres: passes
    check_units("dem", "elevation", alps)
    with pytest.raises(UnitsError, match=r"dem\.elevation should be in m .* look like feet \(or centimetres or "
                                         r"millimetres\): far beyond elevation's valid range -500\.\.9000 m") as e:
        check_units("dem", "elevation", alps * FEET)   # 2,000 .. 15,700 ft
    check_units("dem", "elevation", _fix(e, alps * FEET))
    check_units("dem", "elevation", np.r_[RNG.uniform(-430, 8849, 4000), [8849.0] * 3])   # Dead Sea to Everest
    filled = np.r_[RNG.uniform(0, 900, 4750), [9999.0] * 250]   # 5% of an undeclared fill above the top: no verdict
    check_units("dem", "elevation", filled)


# --- slope in percent --------------------------------------------------------------------------------------------
def test_a_slope_in_percent_on_steep_ground_is_told():
    deg = RNG.uniform(0, 70, 3000)                     # mountains: 100 tan(a) passes 90 from 42 degrees
    check_units("dem", "slope", deg)
    check_units("dem", "slope", np.r_[RNG.uniform(0, 90, 3000), [90.0] * 40])   # cliffs: 90 degrees at most
    pct = 100 * np.tan(np.radians(deg))
    with pytest.raises(UnitsError, match=r"dem\.slope should be in degree but .* look like percent .*"
                                         r"`np\.degrees\(np\.arctan\(ds\[bands\] / 100\)\)`") as e:
        check_units("dem", "slope", pct)
    np.testing.assert_allclose(_fix(e, pct), deg)
    check_units("dem", "slope", np.r_[RNG.uniform(0, 30, 2850), [255.0] * 150])   # an undeclared fill: no verdict
    check_units("dem", "slope", np.r_[RNG.uniform(0, 30, 2990), [255.0] * 10])


def test_a_mountain_slope_in_percent_is_told_in_a_stack():
    dem = _mountain()
    with pytest.raises(UnitsError, match="look like percent"):
        validate_stack(_tree(dem.assign(slope=100 * np.tan(np.radians(dem.slope)))))


# --- precipitation -----------------------------------------------------------------------------------------------
def test_precipitation_in_millimetres_per_day_is_told():
    mm_day = RNG.gamma(8.0, 0.5, 600)                  # monthly means of daily totals, median ~3.8 mm/day
    with pytest.raises(UnitsError, match=r"total_precipitation should be in m per month but .* look like millimetres "
                                         r"per day .*`ds\[bands\] \* ds\.time\.dt\.days_in_month / 1000`"):
        check_units("era5", "total_precipitation", mm_day)
    check_units("era5", "total_precipitation", mm_day * 30 / 1000)
    with pytest.raises(UnitsError, match=r"millimetres: divide by 1000: .*per day.*days_in_month"):
        check_units("era5", "total_precipitation", mm_day * 2)   # a wet place's mm/day, median above 5: both named


def test_the_wettest_real_months_pass():
    storm = RNG.gamma(2.0, 0.05, 600); storm[::50] += 0.3   # a 300 mm day in some months, in m per month
    check_units("era5", "total_precipitation", storm)
    mawsynram = np.array([0.011, 0.035, 0.09, 0.3, 0.7, 2.8, 3.1, 1.9, 1.1, 0.4, 0.06, 0.01])   # monthly normals (m)
    check_units("era5", "total_precipitation", np.tile(mawsynram, 20) * RNG.uniform(0.8, 1.2, 240))
    check_units("era5", "total_precipitation", np.tile(mawsynram[4:9], 20) * RNG.uniform(0.8, 1.2, 100))  # monsoon only


# --- real covariates ---------------------------------------------------------------------------------------------
def test_the_real_covariates_pass(shared_data):
    from alphaearth_nb.readers import read_presto_points, read_worldcereal_patch, read_worldcereal_points
    patch = read_worldcereal_patch(root=shared_data)   # Belgium: 144..171 m, 0.04..0.16 m a month
    validate_stack(xr.DataTree.from_dict({k: patch[k].to_dataset() for k in ("dem", "era5")}))
    pts = read_worldcereal_points(root=shared_data)    # Corsica: 0..957 m, slopes to 32 degrees
    check_units("dem", ("elevation", "slope"), (pts.elevation.values, pts.slope.values))
    check_units("era5", ("temperature_2m", "total_precipitation"),
                (pts.temperature_2m.values, pts.total_precipitation.values))
    presto = read_presto_points(root=shared_data)      # US water bodies: SRTM 124..1576 m
    check_units("dem", ("elevation", "slope"), (presto.elevation.values, presto.slope.values))
