"""ERA5's 2 m temperature in degrees Fahrenheit of a cold place (a median of -20..30, which reads like Celsius) is
named Fahrenheit, with the conversion to kelvin, where its warmest 1% pass 56.7 (the hottest air ever measured in
degrees C: Death Valley, 10 July 1913, WMO's archive); where they do not, the values cannot tell, and the message says
Celsius was assumed and gives both conversions; a band declaring 'degrees F' (or 'deg F', 'degree_F') is converted
by its declaration (units.FAMILY_SLIPS[('era5', 'K')], declared_units.TEMPERATURES, field case F). Was: a Yakutsk
series in Fahrenheit was told 'Celsius: add 273.15' (January, -37.5 F, as 235.7 K, 1.1 K warm; July, 67.1 F, as 340.3
K, 47.6 K warm); 'degrees F' was an unknown unit, so the same advice followed. Approximate monthly means by hand:
Yakutsk -38.6 .. 19.5 degC, Utqiagvik -27.2 .. 5.3 degC; F = C x 9 / 5 + 32."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.declared_units import check_declared_units, registry_units
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

TO_K = "(ds[bands] - 32) * 5 / 9 + 273.15"
YAKUTSK = [-38.6, -33.8, -20.1, -4.8, 7.5, 16.4, 19.5, 15.2, 6.1, -7.8, -27.0, -37.6]   # degC, monthly means
UTQIAGVIK = [-25.6, -27.2, -25.7, -17.6, -6.1, 2.2, 5.3, 4.2, 0.0, -8.7, -17.6, -23.5]


def _era5(crop, normals):
    "The crop's ERA5 with 2 m temperature (K) of a place's monthly normals, plus 0..1 K across the tile."
    era = crop["era5"].to_dataset()
    month = era.time.dt.month.values - 1
    k = np.asarray(normals)[month][:, None, None] + 273.15 + np.linspace(0, 1, era.sizes["x"])[None, None, :]
    return era.assign(temperature_2m=(era.temperature_2m.dims, np.broadcast_to(k, era.temperature_2m.shape).copy()))


def _f(era): return era.assign(temperature_2m=(era.temperature_2m - 273.15) * 9 / 5 + 32)


def test_a_cold_place_in_fahrenheit_with_warm_summers_is_named_and_the_fix_works(crop):
    era = _era5(crop, YAKUTSK)
    validate_stack(with_source(crop, "era5", era))                     # in kelvin: no word
    f = _f(era)                                                        # -37.5 .. 68 F, median near 20
    assert -20 < float(f.temperature_2m.median()) < 30
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m should be in K .*Fahrenheit.*56\.7.*: "
                                         r"convert to kelvin: `" + re.escape(TO_K) + "`") as e:
        validate_stack(with_source(crop, "era5", f))
    assert "add 273.15" not in str(e.value)
    fixed = f.assign(temperature_2m=eval(TO_K, dict(ds=f, bands="temperature_2m")))
    np.testing.assert_allclose(fixed.temperature_2m, era.temperature_2m, atol=1e-9)
    validate_stack(with_source(crop, "era5", fixed))


def test_an_arctic_place_in_fahrenheit_cannot_be_told_and_says_what_was_assumed(crop):
    f = _f(_era5(crop, UTQIAGVIK))                                     # -17 .. 42.5 F: every value a Celsius one too
    with pytest.raises(UnitsError, match=r"Celsius, as assumed here \(or Fahrenheit: a cold place's months.*"
                                         r"\+ 273\.15.*from Fahrenheit: `" + re.escape(TO_K) + "`"):
        validate_stack(with_source(crop, "era5", f))


def test_hot_celsius_and_surface_temperatures_are_still_celsius():
    rng = np.random.default_rng(4)
    death_valley = rng.normal(25, 9, 3000).clip(3, 39.3)   # monthly means in degC, its record July 39.3
    with pytest.raises(UnitsError, match=r"Celsius, as assumed"): check_units("era5", "temperature_2m", death_valley)
    with pytest.raises(UnitsError, match=r"Celsius, as assumed"):   # desert ground: Landsat B10 in degC passes 60
        check_units("landsat_toa", "B10", rng.normal(35, 12, 3000).clip(5, 70))
    filled = np.r_[rng.normal(5, 10, 2900), np.full(100, 99.0)]   # an undeclared fill of 99 in 3% of the values
    with pytest.raises(UnitsError, match=r"Celsius, as assumed"): check_units("era5", "temperature_2m", filled)


@pytest.mark.parametrize("spelling", ["degrees F", "deg F", "degree_F", "Degrees Fahrenheit", "° F"])
def test_a_declared_fahrenheit_decides(crop, spelling):
    era = _era5(crop, UTQIAGVIK)
    f = _f(era)
    f["temperature_2m"].attrs["units"] = spelling
    with pytest.raises(UnitsError, match=rf"declares its units as '{re.escape(spelling)}'.*- 32\) \* 5 / 9 \+ 273\.15"):
        check_declared_units("era5", f)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = registry_units(f, "era5")
    np.testing.assert_allclose(back.temperature_2m, era.temperature_2m, atol=1e-9)
    assert back.temperature_2m.attrs["units"] == "K"
