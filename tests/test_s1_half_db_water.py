"""Sentinel-1 backscatter as half the decibels (`10 * np.log10` of amplitude) over a scene with water is warned, naming
it and `ds[bands] * 2` (units._half_db, HALF_DB_TOPS, field case F): water (VH -30..-34 dB) pulls a halved scene's
median under the top (the California coast of the 2,160 official sample points, 11% water: VH's median -21.1 dB,
halved -10.6, under -10), but not its brighter half (75th percentiles VV -10.8, VH -18.5; halved -5.4, -9.3, past
-7 and -10, which no real scene's pass: -8.8..-10.8 and -14.8..-18.5 at the sample points). Was: passed silently.
No false alarm on real chips: each Dynamic World class of each region as a chip (water alone, city, bare ground as
the desert stand-in), the 1,122 US water bodies of the Presto set month by month."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.units import check_units

WATERY = ("california_coast", "sf_bay_urban")   # the regions whose halved medians passed: VH -10.6, -10.2


def _read(shared_data, region):
    return pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{region}_2024.csv")


def _quiet(*a):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        check_units(*a)


@pytest.mark.parametrize("region", WATERY)
def test_a_halved_scene_with_water_is_warned_and_doubling_fixes_it(shared_data, region):
    d = _read(shared_data, region)
    vv, vh = d.S1_VV.values, d.S1_VH.values
    half = 10 * np.log10(10 ** (vv / 20)), 10 * np.log10(10 ** (vh / 20))   # amplitude through 10 * log10
    assert (d.dw_label == 0).mean() > 0.1 and np.median(half[1]) < -10     # water: the median alone missed it
    with pytest.warns(UnitsWarning, match=r"sentinel1: the brighter half of VV \(median -6\.\d+ dB, 75th percentile "
                                          r"-5\.\d+\), VH \(median -10\.\d+ dB, 75th percentile -[89]\.\d+\).*gap.*"
                                          r"half the decibels.*`ds\[bands\] \* 2`") as w:
        check_units("sentinel1", ("VV", "VH"), half)
    code = re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(w[0].message))[-1]
    fixed = [eval(code.replace("ds[bands]", "v"), {"v": v}) for v in half]
    np.testing.assert_allclose(fixed[0], vv, atol=1e-9)
    np.testing.assert_allclose(fixed[1], vh, atol=1e-9)
    _quiet("sentinel1", ("VV", "VH"), fixed)


@pytest.mark.parametrize("region", ("amazon_forest",) + WATERY)
def test_real_chips_of_one_class_are_not_half(shared_data, region):
    d = _read(shared_data, region)
    _quiet("sentinel1", ("VV", "VH"), (d.S1_VV.values, d.S1_VH.values))
    for label, g in d.groupby("dw_label"):     # 0 water, 6 built (city), 7 bare (the desert stand-in), ...
        _quiet("sentinel1", ("VV", "VH"), (g.S1_VV.values, g.S1_VH.values))


def test_real_water_bodies_month_by_month_are_not_half(shared_data):
    x = np.load(shared_data / "presto_algae_blooms" / "s1_s2_era5_srtm.npy")   # bands 0, 1: VV, VH in dB
    for m in range(x.shape[1]):
        _quiet("sentinel1", ("VV", "VH"), (x[:, m, 0], x[:, m, 1]))
