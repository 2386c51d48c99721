"""Two scales the units check misread (review of session 38).

Kelvin x 10 and MODIS land-surface temperature digital numbers (K / 0.02) with a fill of 0 (MOD11's _FillValue is 0,
and int16 rasters often write 0 for no data): the 1st percentile is then 0, so the tests 'p1 at least 1750' (8750)
failed and the temperatures passed, to be masked whole as no data. A p1 of exactly 0 is a fill, not a temperature
(as `units._tenths_c` reads it): the median and 99th percentile tell. Real kelvin with a 0 fill stays kelvin.

Half the decibels (10 * log10 of amplitude) of a scene without water: its VV's 1st percentile lies above -8 dB, so
VV alone passed the natural-log test and the whole scene was refused as `np.log` of power, 'x 4.343' (VV -4.9 would
become -21 dB, every value wrong), although its VH (1st percentile -11.6, far below -8) is no logarithm of power but
decibels halved. The other logarithm now counts where every dB band shows it (as frames are judged:
`units._frame_slip`), so that scene gets the half-decibels warning, `ds[bands] * 2`. Real data: WorldCereal's
Belgian patch, Sentinel-1 decoded as its README says, `20 * log10(DN) - 83`."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.units import check_units

RNG = np.random.default_rng(0)
AIR_K = 282.0 + 8.0 * np.sin(np.arange(400) * np.pi / 6) + RNG.normal(0, 1.0, 400)   # months of a temperate place, K
ZEROS = np.zeros(100)   # a fifth of the pixels no data, written 0


@pytest.mark.parametrize("scale,looks,fix", [(10, "kelvin x 10", "/ 10"), (50, "MODIS land-surface temperature", "* 0.02")])
def test_scaled_kelvin_with_a_zero_fill_is_refused(scale, looks, fix):
    v = np.r_[np.round(AIR_K * scale), ZEROS]   # x 10: 2660..2980; / 0.02: 13300..14900; then the 0 fill
    with pytest.raises(UnitsError, match=re.escape(looks)) as e:
        check_units("era5", "temperature_2m", v)   # was: passed (p1 = 0 under 1750, 8750), masked whole later
    assert fix in str(e.value)


def test_kelvin_with_a_zero_fill_stays_kelvin():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("era5", "temperature_2m", np.r_[AIR_K, ZEROS])   # 272..292 K and zeros: no scale named


def _worldcereal_db(shared_data):
    ds = xr.open_dataset(shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc")
    out = []
    for b in ("S1-SIGMA0-VV", "S1-SIGMA0-VH"):
        dn = ds[b].values.astype(np.float64)
        dn[dn == 65535] = np.nan   # the file's no data
        out.append(20 * np.log10(dn) - 83)   # the README's decoding: VV median -9.9 dB, VH -16.6
    return out


def test_half_decibels_of_a_scene_without_water_are_not_another_log(shared_data):
    vv, vh = _worldcereal_db(shared_data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel1", ("VV", "VH"), (vv, vh))   # the real dB pass quietly
    assert np.nanpercentile(vv / 2, 1) > -8 > np.nanpercentile(vh / 2, 1)   # VV alone reads as np.log of power
    with pytest.warns(UnitsWarning, match=r"half the decibels.*ds\[bands\] \* 2"):
        check_units("sentinel1", ("VV", "VH"), (vv / 2, vh / 2))   # was: UnitsError 'natural log ... x 4.343'


def test_another_log_of_every_band_or_of_vv_alone_is_still_refused(shared_data):
    vv, vh = _worldcereal_db(shared_data)
    ln = lambda db: db / 10 * np.log(10)   # np.log(power)
    for bands, values in ((("VV", "VH"), (ln(vv), ln(vh))), ("VV", ln(vv))):
        with pytest.raises(UnitsError, match="natural log"):
            check_units("sentinel1", bands, values)
