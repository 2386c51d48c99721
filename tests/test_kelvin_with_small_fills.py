"""Air temperature in kelvin with an undeclared fill of -99, -100 or -1 in its gaps (station tables, hand-made rasters)
is read as kelvin: fills first, then the scale (temperatures._AIR_FILLS). Was: check_units('era5', 'temperature_2m', ...)
raised UnitsError '... (1st/50th/99th percentile -99 / 283 / 293.5) look like tenths of a degree Celsius', whose fix
(`ds[bands] / 10 + 273.15`) gives 301 K for a 10 degC month."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

RNG = np.random.default_rng(7)


def _months(lo, hi, n=2400):
    "Monthly means (degC) of a place whose year runs from `lo` to `hi`."
    t = np.arange(n) % 12
    return (lo + hi) / 2 - (hi - lo) / 2 * np.cos(2 * np.pi * t / 12) + RNG.normal(0, 0.3, n)


@pytest.mark.parametrize("share", [0.03, 0.2])
@pytest.mark.parametrize("fill", [-99.0, -100.0, -1.0])
def test_kelvin_with_a_small_undeclared_fill_is_kelvin(fill, share):
    k = _months(0, 20) + 273.15
    v = np.r_[k, np.full(int(len(k) * share), fill)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no verdict, no warning
        check_units("era5", "temperature_2m", v)


@pytest.mark.parametrize("fill", [-99.0, -1.0])
def test_tenths_with_those_values_are_still_tenths(fill):
    tenths = np.round(_months(-5, 25) * 10)
    with pytest.raises(UnitsError, match=r"tenths of a degree Celsius"):
        check_units("era5", "temperature_2m", np.r_[tenths, np.full(100, fill)])


def test_a_stack_whose_kelvin_has_gaps_of_minus_99_passes(crop):
    e = crop["era5"].to_dataset()
    t = e.temperature_2m.values.copy()
    t[:, :2, :] = -99.0   # two rows of every frame: a gap filled by hand
    validate_stack(with_source(crop, "era5", e.assign(temperature_2m=(e.temperature_2m.dims, t))))
