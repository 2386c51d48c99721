"""units (at 593 of the 600 lines tools/layout_check.py allows) has its terrain check in terrain (nbs/02a_terrain):
check_terrain and its constants (TERRAIN ... PERCENT_READS) are defined there and re-exported by units, the same
objects, so `from alphaearth_nb.units import check_terrain` works as before; fill_values and COMMON_FILLS moved to
unit_samples (terrain reads them, and units imports terrain), re-exported by units too. units'
SCALED_UNITS['m'] is terrain.METRE_SCALES: one list of an elevation's metric scales."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import stacks, terrain, unit_samples, units
from alphaearth_nb.core import UnitsError

BEFORE = """WETTEST UNIT_SLIPS FAMILY_SLIPS PROVIDER_OFFSETS COMMON_FILLS SHIFTS EIGHT_BIT PART_SLIPS PART_SHARE FEET
    SCALED_UNITS HARD_TOPS BAND_ORDERS ORDER_MARGIN HALF_DB_TOPS TERRAIN TERRAIN_SPREAD STEEP FEET_RATIO DM_RATIO
    FOLLOWS PERCENT_READS fill_values range_slips unit_slips band_slips check_units frame_bands check_frame_units
    check_terrain sample_values frame_samples""".split()   # units' __all__ on 539d6dc


def test_units_keeps_every_public_name_of_before_the_split():
    assert sorted(set(BEFORE) - set(units.__all__)) == []
    assert all(hasattr(units, n) for n in units.__all__)


def test_the_moved_names_are_the_same_objects_defined_in_their_new_home():
    for n in terrain.__all__:
        if n != "METRE_SCALES": assert n in units.__all__ and getattr(units, n) is getattr(terrain, n), n
    assert terrain.check_terrain.__module__ == "alphaearth_nb.terrain"
    assert stacks.check_terrain is terrain.check_terrain   # stacks looks it up in terrain
    for n in ("fill_values", "COMMON_FILLS"):
        assert getattr(units, n) is getattr(unit_samples, n) and n in unit_samples.__all__
    assert units.SCALED_UNITS["m"] is terrain.METRE_SCALES


def test_check_terrain_through_units_still_tells_centimetres():
    "Hand-worked: a plane rising 0.08 m per m (0.8 m per 10 m pixel: slope atan 0.08); x100 its gradient is 100 times its tangent."
    yy, xx = np.mgrid[0:40, 0:40] * 10.0
    e = 60 + 0.08 * xx + 0 * yy
    ds = xr.Dataset({"elevation": (("y", "x"), e), "slope": (("y", "x"), np.full((40, 40), np.degrees(np.arctan(0.08))))},
                    coords={"y": 5e6 - np.arange(40) * 10.0, "x": np.arange(40) * 10.0})
    units.check_terrain("dem", ds)
    with pytest.raises(UnitsError, match=r"centimetres.*/ 100`"):
        units.check_terrain("dem", ds.assign(elevation=ds.elevation * 100))
