"""A band in K with fewer than 16 clear values (one point's 12 monthly means) is judged where every value lies below 175,
colder than any temperature measured (`temperatures.SURFACE_K`): none is kelvin. Was: fewer than 16 values were not
judged at all, so a point's 12 months in degC passed as kelvin (`units._band_quantiles`, review40)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.units import check_units

DEGC = np.array([3.1, 4.0, 7.2, 10.5, 14.3, 17.8, 20.1, 19.7, 16.2, 11.8, 6.9, 3.8])   # a mild place's 12 months


def test_twelve_months_in_celsius_are_refused():
    with pytest.raises(UnitsError, match=r"look like degrees Celsius.*ds\[bands\] \+ 273\.15"):
        check_units("era5", "temperature_2m", DEGC)


def test_twelve_months_in_fahrenheit_are_refused():
    with pytest.raises(UnitsError, match="Fahrenheit"):
        check_units("era5", "temperature_2m", DEGC * 1.8 + 32)


@pytest.mark.parametrize("values", [DEGC + 273.15, DEGC[:3] + 273.15, np.r_[DEGC[:11], 290.0]])
def test_kelvin_and_series_with_a_kelvin_value_pass(values):
    check_units("era5", "temperature_2m", values)   # a value of 175 or more: as before, too few to judge


def test_short_series_of_other_units_are_not_judged():
    check_units("sentinel2", ("B2", "B3", "B4"), [np.full(12, 0.05), np.full(12, 0.08), np.full(12, 0.1)])


def test_a_one_pixel_stack_of_a_year_in_celsius_is_refused():
    t = pd.date_range("2021-01-01", periods=12, freq="MS")
    ds = xr.Dataset({"temperature_2m": (("time", "y", "x"), DEGC[:, None, None]),
                     "total_precipitation": (("time", "y", "x"), np.full((12, 1, 1), 0.05))},
                    coords={"time": t, "y": [0.5], "x": [0.5]})
    with pytest.raises(UnitsError, match="era5.temperature_2m should be in K"):   # was: a NoDataWarning at most
        validate_stack({"era5": ds})
