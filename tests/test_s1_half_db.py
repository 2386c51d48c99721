"""Sentinel-1 backscatter as half the decibels (`10 * np.log10` of amplitude, where `20 * np.log10` gives dB) is
warned, naming it and `ds[bands] * 2` (units._half_db, HALF_DB_TOPS, field case F): every value lies inside the
valid range -30..10 dB, but VV's median above -7 and VH's above -10 are brighter than any scene's (the 2,160
official sample points: VV -10..-13.5, VH -16..-21; VH above -10 at 1% of the urban ones). A warning: the values
are plausible one by one. Was: passed silently, the model reading fields as cities."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units


def _quiet(fn, *a):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        return fn(*a)


def test_half_decibels_are_warned_and_the_fix_works(crop):
    s1 = crop["sentinel1"].to_dataset()
    amp = lambda db: 10 ** (db / 20)                      # amplitude = sqrt(power)
    half = s1.assign(VV=10 * np.log10(amp(s1.VV)), VH=10 * np.log10(amp(s1.VH)))   # VV -5.2, VH -8.6 (the crop)
    with pytest.warns(UnitsWarning, match=r"sentinel1: the brighter half of VV \(median -[45]\.\d+ dB, 75th "
                                          r"percentile -[34]\.\d+\), VH \(median -8\.\d+ dB, .* is brighter than any "
                                          r"scene's.*half the decibels.*`ds\[bands\] \* 2`") as w:
        validate_stack(with_source(crop, "sentinel1", half))
    code = re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(w[0].message))[-1]
    fixed = half.assign(VV=eval(code.replace("ds[bands]", "v"), {"v": half.VV}),
                        VH=eval(code.replace("ds[bands]", "v"), {"v": half.VH}))
    np.testing.assert_allclose(fixed.VV, s1.VV, rtol=1e-5, atol=1e-4)
    _quiet(validate_stack, with_source(crop, "sentinel1", fixed))


def test_real_backscatter_is_not_half(crop, shared_data):
    _quiet(validate_stack, crop)
    for f in sorted((shared_data / "aef_samples").glob("alphaearth_s1_dw_samples_*_2024.csv")):
        d = pd.read_csv(f)                                # forest, coast, city: VV up to +4.9 dB, VH to -6.3
        _quiet(check_units, "sentinel1", ("VV", "VH"), (d.S1_VV.values, d.S1_VH.values))
    rng = np.random.default_rng(8)
    city = (rng.normal(-6.0, 3, 3000), rng.normal(-12.5, 3, 3000))   # a scene of buildings: bright VV, VH -12.5
    _quiet(check_units, "sentinel1", ("VV", "VH"), city)
    _quiet(check_units, "sentinel1", ("VV",), (rng.normal(-5.0, 2, 3000),))   # VV alone: no cross-polarised band
