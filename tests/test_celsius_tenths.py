"""Air temperature in tenths of a degree Celsius (WorldClim 1.4 stores 231 for 23.1 degC: worldclim.org/data/v1.4/
formats.html) where kelvin are expected is named, with the conversion `ds[bands] / 10 + 273.15` (units.FAMILY_SLIPS
for era5, field case F): its values are no air temperature in K, degC or degF (the coldest measured, -89.2 degC at
Vostok, 21 July 1983, is 183.95 K; the hottest, 56.7 degC in Death Valley, 10 July 1913, is 134.06 degF), but are
once divided by 10. Was: 150..350 (15..35 degC) passed silently (read as -123..77 degC, a third of it masked as out of
range), a temperate place's -50..250 was told 'degrees Fahrenheit', a cold place's -300..100 passed."""
import re

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

RNG = np.random.default_rng(3)


def _months(lo, hi, n=2400):
    "Monthly means (degC) of a place whose year runs from `lo` to `hi`: a sine over 12 months, 200 years of them."
    t = np.arange(n) % 12
    return (lo + hi) / 2 - (hi - lo) / 2 * np.cos(2 * np.pi * t / 12) + RNG.normal(0, 0.3, n)


@pytest.mark.parametrize("lo,hi", [(15, 35), (-5, 25), (-30, 10), (-12, 14)])
def test_tenths_of_a_degree_are_named_and_the_fix_gives_kelvin(lo, hi):
    c = _months(lo, hi)
    tenths = np.round(c * 10)                   # WorldClim 1.4's integers
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m should be in K.*tenths of a degree Celsius.*"
                                         r"`ds\[bands\] / 10 \+ 273\.15`") as e:
        check_units("era5", "temperature_2m", tenths)
    fix = re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(e.value))[-1]
    k = eval(fix.replace("ds[bands]", "v"), {"v": tenths})
    np.testing.assert_allclose(k, c + 273.15, atol=0.06)   # kelvin, to the tenth stored
    check_units("era5", "temperature_2m", k)


def test_a_stack_with_its_temperature_in_tenths_is_refused(crop):
    e = crop["era5"].to_dataset()
    tenths = e.assign(temperature_2m=np.round((e.temperature_2m - 273.15) * 10))   # 2.2..18.4 degC: 22..184
    with pytest.raises(UnitsError, match=r"tenths of a degree Celsius"):
        validate_stack(with_source(crop, "era5", tenths))


@pytest.mark.parametrize("values,looks", [
    (_months(-5, 25) + 273.15, None),                       # kelvin: right
    (_months(-5, 25), "degrees Celsius"),                   # Celsius: as before
    (_months(-5, 25) * 9 / 5 + 32, "Fahrenheit"),           # 23..77 degF: as before
    (_months(-40, 20) + 273.15, None),                      # Verkhoyansk's year in kelvin
    (np.r_[_months(0, 20) + 273.15, np.zeros(100)], None),  # kelvin with 0 as an undeclared fill in 4%
])
def test_other_temperatures_keep_their_verdicts(values, looks):
    if looks is None: return check_units("era5", "temperature_2m", values)
    with pytest.raises(UnitsError, match=looks) as e:
        check_units("era5", "temperature_2m", values)
    assert "tenths" not in str(e.value)


def test_a_warm_place_whose_year_is_in_tenths_is_refused_as_a_whole(crop):
    "15..35 degC (150..350): winter frames read as tenths, summer ones as a cold place's kelvin: the year tells."
    e = crop["era5"].to_dataset()
    month = e.time.dt.month.values[:, None, None]
    c = 25 - 10 * np.cos(2 * np.pi * (month - 1) / 12) + RNG.normal(0, 0.2, e.temperature_2m.shape)
    tenths = e.assign(temperature_2m=(e.temperature_2m.dims, np.round(c * 10)))
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m should be in K.*tenths.*`ds\[bands\] / 10 \+ 273\.15`"):
        validate_stack(with_source(crop, "era5", tenths))
    validate_stack(with_source(crop, "era5", tenths.assign(temperature_2m=tenths.temperature_2m / 10 + 273.15)))


def test_frames_in_celsius_beside_kelvin_are_still_named_as_celsius(crop):
    e = crop["era5"].to_dataset()
    late = e.time >= np.datetime64("2024-01-01")
    mixed = e.assign(temperature_2m=e.temperature_2m.where(~late, e.temperature_2m - 273.15))
    with pytest.raises(UnitsError, match=r"12 of the 24 frames judged.*degrees Celsius") as err:
        validate_stack(with_source(crop, "era5", mixed))
    assert "tenths" not in str(err.value)
