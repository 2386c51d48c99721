"""Sentinel-1 VH (or HV) alone in linear amplitude (sqrt of power) is named amplitude, with `20 * np.log10`
(units.BAND_SLIPS, CROSS_AMPLITUDE, field case F): a cross-polarised band is far darker than a co-polarised one
(VH's median -16..-21 dB at the 2,160 official sample points), so its amplitude (0.09..0.16) falls under VV's
amplitude test (a median of 0.2) and was told 'power ratio: `10 * np.log10`', giving half the decibels (VH at -8 dB,
inside the valid range). Its power (0.008..0.025) is still told power."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

REGIONS = ("amazon_forest", "california_coast", "sf_bay_urban")


def _fix(err) -> str: return re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(err.value))[0]


@pytest.mark.parametrize("region", REGIONS)
def test_real_vh_in_amplitude_is_told_amplitude_and_in_power_power(shared_data, region):
    vh = pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{region}_2024.csv").S1_VH.values
    amp, power = 10 ** (vh / 20), 10 ** (vh / 10)
    with pytest.raises(UnitsError, match=r"sentinel1\.VH .*look like linear amplitude.*`20 \* np\.log10") as e:
        check_units("sentinel1", "VH", amp)
    np.testing.assert_allclose(eval(_fix(e).replace("ds[bands]", "v"), {"np": np, "v": amp}), vh, atol=1e-9)
    with pytest.raises(UnitsError, match=r"power ratio\): convert to decibels: `10 \* np\.log10") as e:
        check_units("sentinel1", "VH", power)
    np.testing.assert_allclose(eval(_fix(e).replace("ds[bands]", "v"), {"np": np, "v": power}), vh, atol=1e-9)


@pytest.mark.parametrize("frames", [False, True])
def test_a_stack_whose_vh_alone_is_amplitude_names_vh_and_amplitude(crop, frames):
    s1 = crop["sentinel1"].to_dataset()
    late = s1.time >= np.datetime64("2024-01-01")
    amp = 10 ** (s1.VH / 20)
    slipped = s1.assign(VH=s1.VH.where(~late, amp) if frames else amp)   # VV right, in dB
    with pytest.raises(UnitsError, match=r"VH.*linear amplitude.*`20 \* np\.log10\(ds\[bands\]\)`") as e:
        validate_stack(with_source(crop, "sentinel1", slipped))
    assert "power ratio" not in str(e.value)


def test_hv_alone_in_amplitude_is_told_amplitude():
    hv = np.random.default_rng(2).normal(-19, 3, 4000)   # HV's power, dB, as VH's
    with pytest.raises(UnitsError, match=r"sentinel1\.HV .*linear amplitude"):
        check_units("sentinel1", "HV", 10 ** (hv / 20))
