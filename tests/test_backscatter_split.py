"""units (567 of the layout's 600 lines in session 54) has Sentinel-1's backscatter rules in `backscatter`
(nbs/02a_backscatter, session 55): a cross-polarised band's linear amplitude (`BAND_SLIPS`, `CROSS_AMPLITUDE`),
bands named the other way round (`BAND_ORDERS`, `swapped_bands`), half the decibels (`half_db`, `HALF_DB_TOPS`,
`HALF_GAP`, `HALF_DB_VALUES`), a linear pair likelier amplitude (`amplitude_pair`, `LINEAR_GAP`). units re-exports each
name, the same object, in its `__all__` (`from alphaearth_nb.units import CROSS_AMPLITUDE, LINEAR_GAP` as the
Sentinel-1 tests write), and says the words: `check_units` asks the rules. A sample's clear values are one function,
`unit_samples.clear_sample`, where units and backscatter each spelt them out."""
import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.units import check_units

NAMES = """CROSS_AMPLITUDE BAND_SLIPS BAND_ORDERS ORDER_MARGIN HALF_DB_TOPS HALF_GAP HALF_DB_VALUES LINEAR_GAP half_db
    amplitude_pair swapped_bands""".split()


def test_units_re_exports_what_moved_to_backscatter(reexported):
    backscatter, units = reexported("backscatter", "units", NAMES)
    assert set(backscatter.__all__) == set(NAMES)
    assert units.clear_sample is __import__("alphaearth_nb.unit_samples").unit_samples.clear_sample


def test_clear_sample_drops_fills_and_non_finite_values():
    from alphaearth_nb.unit_samples import clear_sample
    got = clear_sample("sentinel2", np.array([[1.0, np.nan], [0.0, -9999.0], [np.inf, 7.0]]))
    assert got.tolist() == [1.0, 7.0] and got.dtype == np.float64   # sentinel2's fills: 0 and -9999


def test_units_still_warns_a_swapped_pair_through_backscatter():
    "Hand-worked: VV's median 6 dB under VH's (VH > VV + ORDER_MARGIN): named swapped with the rename that fixes it."
    rng = np.random.default_rng(0)
    vv, vh = rng.normal(-18, 1.5, 2000), rng.normal(-12, 1.5, 2000)
    with pytest.warns(UnitsWarning, match=r"VV and VH look swapped.*rename\(VV='VH', VH='VV'\)"):
        check_units("sentinel1", ("VV", "VH"), [vv, vh])


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("backscatter", 150)   # 102 when split from units (session 55)
    split_module_check("units", 520)   # 567 in session 54, 483 once backscatter left it
