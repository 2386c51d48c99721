"Sentinel-1 backscatter as another logarithm than decibels (np.log of power, or np.log10 without the x 10) is refused naming both and the factor that gives decibels (units.UNIT_SLIPS['dB'], field case F)."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

LN10 = np.log(10)   # dB = 10 log10(p) = (10 / ln 10) ln(p) = 4.343 ln(p)


@pytest.mark.parametrize("name,to_log,back", [
    ("natural log", lambda db: db / 10 * LN10, lambda v: v * 10 / LN10),   # np.log(power)
    ("log10", lambda db: db / 10, lambda v: v * 10),                        # np.log10(power): bels
])
def test_backscatter_as_another_log_is_refused_and_the_fix_works(crop, name, to_log, back):
    s1 = crop["sentinel1"].to_dataset()
    slipped = s1.assign(VV=to_log(s1.VV), VH=to_log(s1.VH))
    with pytest.raises(UnitsError, match=r"sentinel1\.V[VH] should be in dB .*natural log.*log10"):
        validate_stack(with_source(crop, "sentinel1", slipped))   # was: passed, silently
    fixed = slipped.assign(VV=back(slipped.VV), VH=back(slipped.VH))
    np.testing.assert_allclose(fixed.VV, s1.VV, rtol=1e-5, atol=1e-4)   # the factor named gives the dB back
    validate_stack(with_source(crop, "sentinel1", fixed))


def test_real_decibels_pass(shared_data):  # the official sample points' 2024 median backscatter: forest, coast, urban
    files = sorted((shared_data / "aef_samples").glob("alphaearth_s1_dw_samples_*_2024.csv"))
    assert len(files) == 3
    for f in files:
        d = pd.read_csv(f)
        check_units("sentinel1", ("VV", "VH"), (d.S1_VV.values, d.S1_VH.values))
