"""Sentinel-1 VV and VH both linear are told amplitude by their pair when the gap between their medians read as
power is under 4.5 dB (units._amplitude_pair, LINEAR_GAP): a scene's co- and cross-polarised power lie 5.4..13.9 dB
apart (each Dynamic World class's medians at the 2,160 official sample points), amplitude's half that. So the
Amazon's water in amplitude (VV 0.079, VH 0.033: under VV's 0.2 and VH's 0.05, CROSS_AMPLITUDE) is amplitude, with
`20 * np.log10` (was: 'power ratio: 10 * np.log10', half its decibels). Where the numbers cannot tell (a forest's
power reads as water's amplitude; a city's power, VV 0.45, passes VV's amplitude test), the message gives the median
read both ways and says the product's metadata tells. Power is still told power at every class of every region."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import check_units

REGIONS = ("amazon_forest", "california_coast", "sf_bay_urban")


def _read(shared_data, region):
    return pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{region}_2024.csv")


def test_water_in_amplitude_is_amplitude_by_its_pair(shared_data):
    w = _read(shared_data, "amazon_forest").query("dw_label == 0")   # 80 points of water
    amp = 10 ** (w.S1_VV.values / 20), 10 ** (w.S1_VH.values / 20)
    assert np.median(amp[0]) < 0.2 and np.median(amp[1]) < 0.05      # under both single-band amplitude tests
    with pytest.raises(UnitsError, match=r"sentinel1\.VV and VH should be in dB .* lie 3\.\d dB apart read as power.*"
                                         r"linear amplitude.*`20 \* np\.log10\(ds\[bands\]\)`") as e:
        check_units("sentinel1", ("VV", "VH"), amp)
    fix = re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(e.value))[0]   # amplitude's, named first (power's beside it)
    back = [eval(fix.replace("ds[bands]", "v"), {"np": np, "v": v}) for v in amp]
    np.testing.assert_allclose(back[0], w.S1_VV.values, atol=1e-9)
    np.testing.assert_allclose(back[1], w.S1_VH.values, atol=1e-9)


@pytest.mark.parametrize("region", REGIONS)
def test_power_is_still_power_and_ambiguous_medians_are_read_both_ways(shared_data, region):
    d = _read(shared_data, region)
    for label, g in d.groupby("dw_label"):
        with pytest.raises(UnitsError) as e:
            check_units("sentinel1", ("VV", "VH"), (10 ** (g.S1_VV.values / 10), 10 ** (g.S1_VH.values / 10)))
        assert "VV and VH should be" not in str(e.value), (region, label)   # the pair never calls power amplitude
    city = d[d.S1_VV > -6]   # (20 urban points in SF Bay) VV power 0.45: VV's amplitude test; both readings given
    if len(city) >= 16:
        with pytest.raises(UnitsError, match=r"reads -3\.\d dB as power, -7\.\d as amplitude.*metadata tells"):
            check_units("sentinel1", ("VV", "VH"), (10 ** (city.S1_VV.values / 10), 10 ** (city.S1_VH.values / 10)))


def test_vh_alone_gives_both_readings():
    vh = np.random.default_rng(7).normal(-27, 2, 2000)   # water's VH amplitude: median 0.045, told power
    with pytest.raises(UnitsError, match=r"power ratio.*reads -13\.\d dB as power, -2[67]\.\d as amplitude"):
        check_units("sentinel1", "VH", 10 ** (vh / 20))
