"""Half the Sentinel-2 bands 10 times too large (B8, B11, B12 read with another scale than B2, B3, B4) are named band
by band, with `ds.assign(B8=ds['B8'] / 10, ...)`, when the others lie 10 times or more under them (reflectance_scales.
_apart, _most_scaled_up): was `ds[bands] / 10` of every band, which spoiled B2..B4. Where the values cannot tell (the
Presto water bodies: the others' medians near the SWIR's), the whole-stack verdict names the bands past the top and
the per-band alternative. A real L1C scene x 10 throughout (eo-learn's reference scenes: B8 and B11 past the top, B2,
B3, B4, B12 just under) is x 10, not the baseline's offset (was: warned 'subtract 1000')."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
SWIR_NIR = ("B8", "B11", "B12")


def _assigned(msg) -> dict:
    "band -> divisor of the message's `ds.assign(...)` fix."
    fix = re.findall(r"`ds = ds\.assign\(([^`]*)\)`", msg)[-1]
    return {b: float(f) for b, f in re.findall(r"(\w+)=ds\['\w+'\] / (\d+)", fix)}


def test_half_the_bands_x_10_are_named_band_by_band_and_the_fix_works(crop):
    s2 = crop["sentinel2"].to_dataset()
    half = s2.assign({b: s2[b] * 10 for b in SWIR_NIR})
    with pytest.raises(UnitsError, match=r"sentinel2 band\(s\) B8, B11, B12 .*reflectance x 1e5.*the other bands, B2, B3, "
                                         r"B4, have medians .* 10 times or more under theirs") as e:
        validate_stack(with_source(crop, "sentinel2", half))
    assert "`ds[bands] / 10`" not in str(e.value) and _assigned(str(e.value)) == {b: 10 for b in SWIR_NIR}
    fixed = half.assign({b: half[b] / f for b, f in _assigned(str(e.value)).items()})
    np.testing.assert_allclose(fixed.to_array(), s2.to_array(), rtol=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_stack(with_source(crop, "sentinel2", fixed))


@pytest.mark.parametrize("scene", [1, 2, 3, 4])
def test_a_real_l1c_scene_x_10_is_x_10_not_the_baseline_offset(shared_data, scene):
    ref = np.load(shared_data / "eolearn_patch" / "REFERENCE_SCENES.npy")[scene]   # 13 bands, TOA 0..1
    toa = [ref[..., k].ravel() * 1e4 for k in (1, 2, 3, 7, 11, 12)]
    with pytest.raises(UnitsError, match=r"reflectance x 1e5, 10 times too large.*divide by 10: `ds\[bands\] / 10`"):
        check_units("sentinel2", S2, [v * 10 for v in toa])
    half = [v * 10 if b in SWIR_NIR else v for b, v in zip(S2, toa)]
    with pytest.raises(UnitsError) as e:   # half: those past the top alone (B12 of a green scene may stay under it)
        check_units("sentinel2", S2, half)
    assert "`ds[bands] / 10`" not in str(e.value)
    assert "B11" in _assigned(str(e.value)) and set(_assigned(str(e.value))) <= set(SWIR_NIR)


def test_where_the_values_cannot_tell_both_fixes_are_named(shared_data):
    x = np.load(shared_data / "presto_algae_blooms" / "s1_s2_era5_srtm.npy")   # water bodies: visible near the SWIR
    s2 = [x[:, :, k].ravel() for k in (2, 3, 4, 8, 11, 12)]
    half = [v * 10 if b in SWIR_NIR else v for b, v in zip(S2, s2)]
    with pytest.raises(UnitsError, match=r"divide by 10: `ds\[bands\] / 10`\. Only B8, B11, B12 pass the top; B2, B3, "
                                         r"B4 stay under it") as e:
        check_units("sentinel2", S2, half)
    assert _assigned(str(e.value)) == {b: 10 for b in SWIR_NIR}
    with pytest.raises(UnitsError) as e:   # every band x 10: each passes the top, one fix
        check_units("sentinel2", S2, [v * 10 for v in s2])
    assert "Only" not in str(e.value)
