"""Sentinel-2 B11 and B12 10 times too large over water and snow, where their medians are small (fresh snow and water
absorb in the SWIR), are still named band by band (reflectance_scales.few_scaled_up, 48362b2: the band's median at
least 3 x the other bands' and its 1st percentile under half its 99th): the Presto water bodies' points labelled
water (11,800 monthly values) and snow (501) by Dynamic World. And the real Sentinel-2 values in ../shared/data pass
clean: the WorldCereal patch (Belgium, 12 months), the Presto points, eo-learn's reference scenes 1-4 (Slovenia,
L1C). A guard, no code change: passes on 670f8f2. Not covered (no real chip of it here): a chip wholly of water or
snow, whose B11/B12 x 10 stay under the top (reflectance 2): nothing tells them from turbid water's SWIR."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import check_units

S2 = ("B2", "B3", "B4", "B8", "B11", "B12")


def _quiet(values):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", S2, values)


@pytest.fixture(scope="module")
def presto(shared_data):
    x = np.load(shared_data / "presto_algae_blooms" / "s1_s2_era5_srtm.npy")   # B2 B3 B4 B8 B11 B12 at 2 3 4 8 11 12
    return x[:, :, [2, 3, 4, 8, 11, 12]], np.load(shared_data / "presto_algae_blooms" / "dynamic_world.npy")


@pytest.mark.parametrize("label", [0, 8])   # Dynamic World: 0 water, 8 snow and ice
def test_swir_x_10_over_water_and_snow_is_named_band_by_band(presto, label):
    s2, dw = presto
    v = [s2[..., i][dw == label] for i in range(6)]
    _quiet(v)
    with pytest.raises(UnitsError, match=r"band\(s\) B11, B12 .*divide those bands alone: `ds = ds\.assign\("
                                         r"B11=ds\['B11'\] / 10, B12=ds\['B12'\] / 10\)`"):
        check_units("sentinel2", S2, [x * 10 if b in ("B11", "B12") else x for b, x in zip(S2, v)])


def test_real_sentinel2_values_pass_clean(shared_data, presto):
    _quiet([presto[0][..., i].ravel() for i in range(6)])
    nc = xr.open_dataset(shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc")
    patch = [nc[f"S2-L2A-B{b[1:].zfill(2)}"].values.ravel().astype(float) for b in S2]
    _quiet([np.where(v == 65535, np.nan, v) for v in patch])   # 65535: the patch's no data
    ref = np.load(shared_data / "eolearn_patch" / "REFERENCE_SCENES.npy")   # TOA 0..1, 13 bands
    for scene in ref[1:]:   # scene 0, hazy (every band's darkest above 0.1), reads as the baseline's +1000: warned
        _quiet([scene[..., k].ravel() * 1e4 for k in (1, 2, 3, 7, 11, 12)])
