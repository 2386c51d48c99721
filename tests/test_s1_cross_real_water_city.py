"""Sentinel-1 linear values whose median lies on the other side of a single-band test (units.CROSS_AMPLITUDE 0.05 for
VH, VV's 0.2) get both fixes as code, power `10 * np.log10(ds[bands])` and amplitude `20 * np.log10(ds[bands])`, with
the median read both ways and 'only the product's metadata tells'. Real medians in ../shared/data cross 0.05 both
ways: open water's VH amplitude is 0.020..0.033 at the official sample points (told power first), a city's or a
greenhouse's VH power 0.058..0.116 (SF Bay's points with VV above -6 dB, Corsica fields 1201010040, 1201010120,
1500000000, 1108020020: told amplitude first). Was: only the first reading's fix as code, the other as
'(`20 * np.log10` if the product says amplitude)'. The first reading is still right for every other land cover."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import CROSS_AMPLITUDE, check_units

REGIONS = ("amazon_forest", "california_coast", "sf_bay_urban")


def _fixes(err) -> list: return re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(err.value))


def _back(fix, linear) -> list: return [eval(fix.replace("ds[bands]", "v"), {"np": np, "v": v}) for v in linear]


def _groups(shared_data) -> dict:
    "name -> (VV dB, VH dB, reading of the values given) of real scenes whose VH median crosses CROSS_AMPLITUDE."
    out = {}
    for r in REGIONS:
        d = pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{r}_2024.csv")
        w = d[d.dw_label == 0]
        out[f"{r} water"] = w.S1_VV.values, w.S1_VH.values, 20
        city = d[d.S1_VV > -6]
        if len(city) >= 16: out[f"{r} city"] = city.S1_VV.values, city.S1_VH.values, 10
    p = pd.read_parquet(shared_data / "worldcereal_points" / "corsica_2022_monthly.geoparquet")
    p = p[(p["S1-SIGMA0-VV"] != 65535) & (p["S1-SIGMA0-VH"] != 65535)]
    for code in (1201010040, 1201010120, 1500000000, 1108020020):
        f = p[p.ewoc_code.astype("int64") == code]
        out[f"corsica {code}"] = (*(20 * np.log10(f[c].to_numpy(np.float64)) - 83
                                    for c in ("S1-SIGMA0-VV", "S1-SIGMA0-VH")), 10)
    return out


def test_water_amplitude_and_city_power_get_the_fix_that_works(shared_data):
    groups = _groups(shared_data)
    assert len(groups) == 8
    for name, (vv, vh, k) in groups.items():
        lin = 10 ** (vv / k), 10 ** (vh / k)
        assert (np.median(lin[1]) >= CROSS_AMPLITUDE) == (k == 10), name   # on the other reading's side
        for band, values, db in (("VH", (lin[1],), (vh,)), (("VV", "VH"), lin, (vv, vh))):
            with pytest.raises(UnitsError, match=r"metadata tells") as e:
                check_units("sentinel1", band, values if len(values) > 1 else values[0])
            ok = [all(np.allclose(b, d, atol=1e-6) for b, d in zip(_back(f, values), db)) for f in _fixes(e)]
            assert any(ok), (name, band, str(e.value))


@pytest.mark.parametrize("region", REGIONS)
def test_land_keeps_its_first_reading(shared_data, region):
    d = pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{region}_2024.csv")
    for label, g in d[d.dw_label > 0].groupby("dw_label"):
        for k in (10, 20):
            vh = 10 ** (g.S1_VH.values / k)
            with pytest.raises(UnitsError) as e:
                check_units("sentinel1", "VH", vh)
            np.testing.assert_allclose(_back(_fixes(e)[0], (vh,))[0], g.S1_VH.values, atol=1e-6)
