"""Temperatures in tenths of a kelvin (scaled integers, 2,500..3,200) and MODIS land-surface temperature digital
numbers (MOD11/MYD11: K / 0.02) are refused naming the scale and the conversion (units.UNIT_SLIPS['K'], SURFACE_K):
every value is outside the valid range as read, inside 175..345 K once scaled, the range of every temperature of air
or ground measured (-98 degC on the East Antarctic plateau, Scambos et al. 2018; 70.7 degC in the Lut desert,
Mildrexler et al. 2011). Was: passed, then masked whole as no data. The other way round: a warm place in tenths of a
degree Celsius (250..350: 25..35 degC) is tenths, not a cold place's kelvin nor kelvin x 10; real kelvin passes."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

MONTHS = np.arange(240) * np.pi / 6   # 20 years, month by month


def _fix(err, v):
    "The message's first fix in backticks, run on `v` as `ds[bands]`."
    return eval(re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(err.value))[0].replace("ds[bands]", "v"), {"v": v})


def _quiet(fn, *a):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fn(*a)


def test_a_stack_in_tenths_of_a_kelvin_is_refused_not_masked(crop):
    e5 = crop["era5"].to_dataset()
    tenths = e5.assign(temperature_2m=(e5.temperature_2m * 10).round().astype("uint16"))
    assert 2500 < float(tenths.temperature_2m.median()) < 3200
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m should be in K .*look like kelvin x 10 \(tenths of a "
                                         r"kelvin.*175\.\.345 K.*divide by 10: `ds\[bands\] / 10`") as e:
        validate_stack(with_source(crop, "era5", tenths))
    fixed = tenths.assign(temperature_2m=_fix(e, tenths.temperature_2m))
    np.testing.assert_allclose(fixed.temperature_2m, e5.temperature_2m, atol=0.05)   # rounded to 0.1 K
    _quiet(validate_stack, with_source(crop, "era5", fixed))


@pytest.mark.parametrize("kelvin", [(230, 20), (300, 25)])   # a Siberian year of ground, a desert's (to 325 K)
def test_land_surface_temperature_x_10_and_modis_numbers_are_named(kelvin):
    mid, amp = kelvin
    k = mid - amp * np.cos(MONTHS)
    with pytest.raises(UnitsError, match=r"landsat_toa\.B10 .*kelvin x 10.*`ds\[bands\] / 10`") as e:
        check_units("landsat_toa", "B10", np.round(k * 10))
    np.testing.assert_allclose(_fix(e, np.round(k * 10)), k, atol=0.05)
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m .*MODIS land-surface temperature digital numbers.*"
                                         r"`ds\[bands\] \* 0\.02`") as e:
        check_units("era5", "temperature_2m", np.round(k / 0.02))
    np.testing.assert_allclose(_fix(e, np.round(k / 0.02)), k, atol=0.01)
    _quiet(check_units, "landsat_toa", "B10", k)


def test_a_warm_place_in_tenths_of_a_degree_is_not_a_cold_place_in_kelvin():
    c = 30 - 5 * np.cos(MONTHS)   # 25..35 degC: as kelvin 250..350, past the hottest air (56.7 degC = 329.85 K)
    with pytest.raises(UnitsError, match=r"tenths of a degree Celsius.*`ds\[bands\] / 10 \+ 273\.15`") as e:
        check_units("era5", "temperature_2m", np.round(c * 10))
    assert "kelvin x 10" not in str(e.value)
    np.testing.assert_allclose(_fix(e, np.round(c * 10)) - 273.15, c, atol=0.05)
    for k in (255 - 20 * np.cos(MONTHS), 300 - 8 * np.cos(MONTHS)):   # real kelvin: a cold place, a warm one
        _quiet(check_units, "era5", "temperature_2m", k)
    with pytest.raises(UnitsError, match=r"kelvin x 100"):   # x 100 stays x 100 (AgERA5), not MODIS' K / 0.02
        check_units("era5", "temperature_2m", np.round((290 - 10 * np.cos(MONTHS)) * 100))
