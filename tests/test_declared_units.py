"""A band's declared unit (attrs['units'], CF/UDUNITS spellings) is read by one rule for every covariate
(declared_units.check_declared_units; split from units, which is at its 600 lines): precipitation in m per day
(ERA5's monthly means, 1/30 of the month's total the registry reads: no value tells it), mm/day, kg m-2 s-1, a DEM in
feet, a slope in percent, a temperature in degC are UnitsError naming the unit found and the conversion, which also
declares the registry's unit; `registry_units` runs it. ERA5's bare 'm' (its monthly sums and its monthly means of
daily sums alike) is a UnitsWarning naming both readings. Was: attrs['units'] read nowhere, so m per day passed
without a word. Factors: 0.3048 m a foot (exact, 1959), 273.15 K at 0 degC (SI), 1 kg m-2 of water 1 mm deep,
86,400 s a day, the month's days from the time coordinate."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.declared_units import check_declared_units, registry_units
from alphaearth_nb.stacks import validate_stack

DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])   # 2023's months


def _era5(units, per_day=0.0025):
    "A year of monthly ERA5 on a 3 x 3 grid: 288 K, precipitation `per_day` m a day (about 75 mm a month) in `units`."
    time = pd.date_range("2023-01-01", periods=12, freq="MS")
    shape = (12, 3, 3)
    return xr.Dataset({"temperature_2m": (("time", "y", "x"), np.full(shape, 288.0), {"units": "K"}),
                       "total_precipitation": (("time", "y", "x"), np.full(shape, per_day), {"units": units})},
                      coords={"time": time, "y": [30.0, 20.0, 10.0], "x": [0.0, 10.0, 20.0]})


def _run_fix(message, ds):
    "The message's first `ds[...] = ...` fix, run on `ds` (a copy)."
    code = re.search(r"`(ds\['\w+'\] = .+?)`", message)[1]
    ds = ds.copy()
    exec(code, {"np": np, "ds": ds})
    return ds


@pytest.mark.parametrize("units, per_day", [
    ("m per day (ERA5 monthly mean)", 0.0025), ("m/day", 0.0025), ("m d-1", 0.0025),
    ("mm/day", 2.5), ("mm d-1", 2.5), ("kg m-2 s-1", 2.5 / 86_400),   # 2.5 mm a day as a flux: kg m-2 is 1 mm deep
])
def test_a_daily_rate_is_refused_with_the_conversion_that_makes_the_month(units, per_day):
    ds = _era5(units, per_day)
    with pytest.raises(UnitsError, match=rf"era5\.total_precipitation declares its units as {re.escape(repr(units))} "
                                         r"\(attrs\['units'\]\), but total_precipitation is read in m per month"
                                         r".*ds\.time\.dt\.days_in_month") as e:
        check_declared_units("era5", ds)
    fixed = _run_fix(str(e.value), ds)
    np.testing.assert_allclose(fixed.total_precipitation.values[:, 0, 0], 0.0025 * DAYS)   # 0.0775 m in January
    assert fixed.total_precipitation.attrs["units"] == "m per month"
    check_declared_units("era5", fixed)   # the fix declares what it made
    np.testing.assert_allclose(registry_units(ds, "era5").total_precipitation.values, fixed.total_precipitation.values)


def test_bare_metres_are_said_with_both_readings():
    "ERA5 writes 'm' for its monthly sums and its monthly means of daily sums: a warning, not a refusal."
    with pytest.warns(UnitsWarning, match=r"declares its units as 'm' .*no value tells.*days_in_month"):
        check_declared_units("era5", _era5("m", 0.0025))
    with pytest.raises(UnitsError, match="cannot be told apart"): registry_units(_era5("m"), "era5")


def test_millimetres_without_a_period_are_refused_with_both_readings():
    with pytest.raises(UnitsError, match=r"'mm'.*a month's total: `ds\['total_precipitation'\] = "
                                         r"\(ds\['total_precipitation'\] / 1000\)") as e:
        check_declared_units("era5", _era5("mm", 75.0))
    np.testing.assert_allclose(_run_fix(str(e.value), _era5("mm", 75.0)).total_precipitation.values, 0.075)


@pytest.mark.parametrize("band, units, value, want", [
    ("temperature_2m", "degC", 15.0, 288.15), ("temperature_2m", "degrees_Celsius", 15.0, 288.15),
    ("temperature_2m", "degF", 59.0, 288.15),   # 59 degF = 15 degC
])
def test_a_temperature_in_celsius_or_fahrenheit(band, units, value, want):
    ds = _era5("m per month").assign({band: lambda d: xr.full_like(d[band], value).assign_attrs(units=units)})
    with pytest.raises(UnitsError, match=rf"{band} declares its units as '{units}'") as e:
        check_declared_units("era5", ds)
    np.testing.assert_allclose(_run_fix(str(e.value), ds)[band].values, want)


def test_a_dem_in_feet_and_a_slope_in_percent():
    dem = xr.Dataset({"elevation": (("y", "x"), np.full((3, 3), 100.0), {"units": "ft"}),   # lowland: no value tells
                      "slope": (("y", "x"), np.full((3, 3), 10.0), {"units": "%"})})
    with pytest.raises(UnitsError, match=r"dem\.elevation declares its units as 'ft'.*\* 0\.3048"):
        check_declared_units("dem", dem)
    out = registry_units(dem, "dem")
    np.testing.assert_allclose(out.elevation.values, 30.48)                           # 100 ft
    np.testing.assert_allclose(out.slope.values, np.degrees(np.arctan(0.1)))          # 10%: 5.71 degrees
    check_declared_units("dem", out)


@pytest.mark.parametrize("source, band, units", [
    ("era5", "total_precipitation", "m per month"), ("era5", "total_precipitation", "m month-1"),
    ("era5", "temperature_2m", "kelvin"), ("dem", "elevation", "metre"), ("dem", "slope", "degrees"),
    ("gedi", "rh98", "meters"), ("ndvi", "NDVI", "1"), ("sentinel1", "VV", "dB"),
    ("sentinel1", "VV", "decibels"), ("era5", "temperature_2m", "degree_K"),   # unknown units: test_declared_unit_spellings
])
def test_the_registry_unit_in_any_spelling_passes(source, band, units):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_declared_units(source, xr.Dataset({band: ("x", [1.0, 2.0], {"units": units})}))


def test_validate_stack_reads_the_declared_unit_first(crop):
    "The sample scene's ERA5 (a month's totals, median 0.07 m) declared in m per day: refused before its values."
    era5 = crop["era5"].to_dataset()
    daily = era5.assign(total_precipitation=era5.total_precipitation.assign_attrs(units="m per day"))
    with pytest.raises(UnitsError, match=r"era5\.total_precipitation declares its units as 'm per day'") as e:
        validate_stack(xr.DataTree.from_dict({"era5": daily}))
    days = daily.time.dt.days_in_month.values
    fixed = _run_fix(str(e.value), daily)
    np.testing.assert_allclose(fixed.total_precipitation.values, daily.total_precipitation.values * days[:, None, None])
    with pytest.warns(UnitsWarning, match="no value tells"):   # 'm': both readings named, the stack validated
        validate_stack(xr.DataTree.from_dict({"era5": era5.assign(
            total_precipitation=era5.total_precipitation.assign_attrs(units="m"))}))
    validate_stack(xr.DataTree.from_dict({"era5": era5.assign(   # its own unit declared: no word
        total_precipitation=era5.total_precipitation.assign_attrs(units="m per month"))}))
