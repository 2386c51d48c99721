"""Sentinel-1 VV and VH both in linear power whose medians lie under 4.5 dB apart (units._amplitude_pair, LINEAR_GAP)
are no longer told amplitude alone: the message names both readings and both fixes, amplitude first (likelier at such
a gap), power's `10 * np.log10` beside it, and says the product's metadata tells. Real power comes that close in
../shared/data: Presto's shrub point-months (58 values, VV - VH 4.3 dB), wetland and city chips of 16 official sample
points in San Francisco Bay (4.3), 7 of the 495 Corsica fields over 17 months (2.5..4.5: one at VV -7.1, VH -9.6 dB),
and Presto's calm water bodies with both bands at the noise floor (-25 dB; 0.6..2.5). Was: 'they look like linear
amplitude: convert to decibels: `20 * np.log10(ds[bands])`' alone, double the decibels of those scenes. Amplitude of
the same scenes still gets a fix that gives their decibels back."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import LINEAR_GAP, check_units


def _fixes(err) -> list: return re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(err.value))


def _restores(err, linear, db) -> bool:
    "Whether some fix the message names gives back the decibels `db` (VV, VH) from `linear` (VV, VH)."
    for f in _fixes(err):
        back = [eval(f.replace("ds[bands]", "v"), {"np": np, "v": v}) for v in linear]
        if all(np.allclose(b, d, atol=1e-6) for b, d in zip(back, db)): return True
    return False


def _close_pairs(shared_data) -> dict:
    "name -> (VV dB, VH dB): real samples of 16 values or more whose medians lie under LINEAR_GAP apart."
    x = np.load(shared_data / "presto_algae_blooms" / "s1_s2_era5_srtm.npy")
    dw = np.load(shared_data / "presto_algae_blooms" / "dynamic_world.npy")
    shrub = dw == 5
    gap = np.median(x[..., 0], 1) - np.median(x[..., 1], 1)
    floor = gap < 2.5   # water bodies whose VV and VH both sit at the noise floor
    out = {"presto shrub": (x[..., 0][shrub], x[..., 1][shrub]),
           "presto water at the noise floor": (x[floor, :, 0].ravel(), x[floor, :, 1].ravel())}
    p = pd.read_parquet(shared_data / "worldcereal_points" / "corsica_2022_monthly.geoparquet")
    p = p[(p["S1-SIGMA0-VV"] != 65535) & (p["S1-SIGMA0-VH"] != 65535)]
    for sid, f in p.groupby("sample_id"):
        vv, vh = (20 * np.log10(f[c].to_numpy(np.float64)) - 83 for c in ("S1-SIGMA0-VV", "S1-SIGMA0-VH"))
        if len(vv) >= 16 and np.median(vv) - np.median(vh) < LINEAR_GAP: out[f"corsica {sid}"] = vv, vh
    sf = pd.read_csv(shared_data / "aef_samples" / "alphaearth_s1_dw_samples_sf_bay_urban_2024.csv")
    for label in (3, 6):   # flooded vegetation, built: the 16 points whose gap is the smallest of 4000 draws
        g = sf[sf.dw_label == label]
        draws = [np.random.default_rng(s).choice(len(g), 16, replace=False) for s in range(4000)]
        i = min(draws, key=lambda i: np.median(g.S1_VV.values[i]) - np.median(g.S1_VH.values[i]))
        out[f"sf bay class {label}"] = g.S1_VV.values[i], g.S1_VH.values[i]
    return out


def test_real_power_pairs_under_the_gap_get_power_named_too(shared_data):
    pairs = _close_pairs(shared_data)
    assert len(pairs) >= 9
    gaps = {k: float(np.median(vv) - np.median(vh)) for k, (vv, vh) in pairs.items()}
    assert min(gaps.values()) < 2.5 and all(g < LINEAR_GAP for g in gaps.values())
    for name, db in pairs.items():
        power = tuple(10 ** (d / 10) for d in db)
        with pytest.raises(UnitsError, match=r"sentinel1\.VV and VH should be in dB.*metadata tells") as e:
            check_units("sentinel1", ("VV", "VH"), power)
        assert _restores(e, power, db), (name, gaps[name], str(e.value))   # was: 20 * log10 alone (twice the dB)
        amplitude = tuple(10 ** (d / 20) for d in db)
        with pytest.raises(UnitsError) as e:
            check_units("sentinel1", ("VV", "VH"), amplitude)
        assert _restores(e, amplitude, db), (name, str(e.value))


def test_amplitude_is_named_first_where_it_is_likelier(shared_data):
    w = pd.read_csv(shared_data / "aef_samples" / "alphaearth_s1_dw_samples_amazon_forest_2024.csv").query(
        "dw_label == 0")   # water, VV - VH 7.6 dB: 3.8 in amplitude
    amp = 10 ** (w.S1_VV.values / 20), 10 ** (w.S1_VH.values / 20)
    with pytest.raises(UnitsError, match=r"look like linear amplitude .*likelier than power") as e:
        check_units("sentinel1", ("VV", "VH"), amp)
    assert [f.split()[0] for f in _fixes(e)] == ["20", "10"]   # amplitude's fix, then power's
