"""units (at 597 of the 600 lines tools/layout_check.py allows, session 39) has its judgement of values in K in
temperatures (nbs/02a_temperatures): SURFACE_K, SURFACE_C, SCALED_C, AIR_C and TENTHS_C are defined there and
re-exported by units, the same objects (`from alphaearth_nb.units import SURFACE_K` works as before); units'
UNIT_SLIPS['K'] is temperatures.K_SLIPS and its FAMILY_SLIPS hold temperatures.K_FAMILY_SLIPS. Behaviour unchanged."""
import numpy as np
import pytest

from alphaearth_nb import temperatures, units
from alphaearth_nb.core import UnitsError


def test_the_moved_names_are_units_names_still_and_the_same_objects():
    for n in ("SURFACE_K", "SURFACE_C", "SCALED_C", "AIR_C", "TENTHS_C"):
        assert n in units.__all__ and getattr(units, n) is getattr(temperatures, n), n
    assert units.UNIT_SLIPS["K"] is temperatures.K_SLIPS
    assert all(units.FAMILY_SLIPS[k] is v for k, v in temperatures.K_FAMILY_SLIPS.items())
    assert temperatures.scaled_celsius.__module__ == "alphaearth_nb.temperatures"


def test_check_units_still_names_hundredths():
    c = np.linspace(-20, 40, 300)   # a year of ground, degC
    with pytest.raises(UnitsError, match=r"hundredths of a degree Celsius.*`ds\[bands\] / 100 \+ 273\.15`"):
        units.check_units("landsat_toa", "B10", np.round(c * 100))
    units.check_units("landsat_toa", "B10", c + 273.15)
