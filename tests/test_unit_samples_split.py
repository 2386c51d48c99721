"""units (at the 600-line cap of tools/layout_check.py) has its sampling in unit_samples (nbs/02a_unit_samples):
units re-exports sample_values and frame_samples, the same objects, in its `__all__`, so `from alphaearth_nb.units
import sample_values` and `aef.units.frame_samples` work as before; every public name of units before the split
is still there."""
import numpy as np

from alphaearth_nb import unit_samples, units

BEFORE = """WETTEST UNIT_SLIPS FAMILY_SLIPS PROVIDER_OFFSETS COMMON_FILLS SHIFTS EIGHT_BIT PART_SLIPS PART_SHARE FEET
    SCALED_UNITS HARD_TOPS BAND_ORDERS ORDER_MARGIN TERRAIN TERRAIN_SPREAD STEEP FEET_RATIO fill_values range_slips
    unit_slips band_slips check_units sample_values frame_samples frame_bands check_frame_units check_terrain""".split()


def test_units_keeps_every_public_name_and_reexports_the_samples():
    assert set(BEFORE) <= set(units.__all__)
    assert all(hasattr(units, n) for n in units.__all__)
    for n in ("sample_values", "frame_samples"):
        assert getattr(units, n) is getattr(unit_samples, n) and n in unit_samples.__all__


def test_clear_values_counts_finite_values_that_are_not_fills():
    v = np.array([1.0, np.nan, -9999.0, 0.0, np.inf, 5.0])
    assert unit_samples.clear_values(v, (-9999.0, 0.0)).tolist() == [True, False, False, False, False, True]
    assert unit_samples.clear_values(v, None).tolist() == [True, False, True, True, False, True]
