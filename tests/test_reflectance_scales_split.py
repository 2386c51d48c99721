"""units (at 590 of the 600 lines tools/layout_check.py allows, session 38) has its reflectance-scale judgement in
reflectance_scales (nbs/02a_reflectance_scales): PROVIDER_OFFSETS, SHIFTS and EIGHT_BIT are defined there and
re-exported by units, the same objects (`from alphaearth_nb.units import PROVIDER_OFFSETS` works as before); units'
checks call its scale_slip and few_scaled_up."""
import numpy as np
import pytest

from alphaearth_nb import reflectance_scales, units
from alphaearth_nb.core import UnitsError


def test_the_moved_names_are_units_names_still_and_the_same_objects():
    for n in ("PROVIDER_OFFSETS", "SHIFTS", "EIGHT_BIT"):
        assert n in units.__all__ and getattr(units, n) is getattr(reflectance_scales, n), n
    assert reflectance_scales.scale_slip.__module__ == "alphaearth_nb.reflectance_scales"


def test_check_units_still_refuses_a_stack_times_ten():
    "Hand-worked: land x 10 has its brightest 1% past 20000 (reflectance 2) in every band."
    v = np.linspace(2500, 40000, 400)
    with pytest.raises(UnitsError, match=r"divide by 10: `ds\[bands\] / 10`"):
        units.check_units("sentinel2", ("B2", "B8"), (v / 2, v))
