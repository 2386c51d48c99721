"""reflectance_scales.scale_slip is units' own step, called once per frame by check_units and check_frame_units:
it is not public (out of `__all__`) and does not check its flag itself (no `core.checks_flags` wrapper per frame);
`none_said` is checked at the door users call, check_units, and still decides the verdict there."""
import numpy as np
import pytest

from alphaearth_nb import reflectance_scales, units
from alphaearth_nb.core import ConfigError, UnitsWarning
from alphaearth_nb.testing import warned


def test_scale_slip_is_not_public_and_not_rechecked_per_frame():
    assert "scale_slip" not in reflectance_scales.__all__
    assert not hasattr(reflectance_scales.scale_slip, "__wrapped__")
    assert units.scale_slip is reflectance_scales.scale_slip   # units' call, the same function


def test_the_door_checks_none_said():
    v = np.linspace(1100, 6000, 400)
    with pytest.raises(ConfigError, match="none_said='false' is not True or False"):
        units.check_units("sentinel2", ("B2", "B4"), (v, v), none_said="false")


def test_none_said_still_decides_at_the_door():
    "Hand-worked: B2, B3, B4, B8, B11 whose darkest 1% all pass 1000 and green / SWIR1 read as snow: + 1000 told."
    rng = np.random.default_rng(0)
    vals = {b: rng.uniform(lo, hi, 400) for b, (lo, hi) in
            {"B2": (1050, 9000), "B3": (1060, 9000), "B4": (1070, 9000), "B8": (1080, 9000), "B11": (1010, 2000)}.items()}
    bands, samples = tuple(vals), tuple(vals.values())
    _, msgs = warned(units.check_units, "sentinel2", bands, samples, category=UnitsWarning)
    assert any("ds[bands] - 1000" in m for m in msgs), msgs
    _, msgs = warned(units.check_units, "sentinel2", bands, samples, none_said=np.bool_(True), category=UnitsWarning)
    assert not any("1000" in m for m in msgs), msgs
