"""Sentinel-1 backscatter in decibels with the sign flipped (5..25 instead of -25..-5) is refused naming the flip and
its fix, `-ds[bands]` (units.UNIT_SLIPS['dB'], field case F), for a whole stack and for the frames of one reader.
Was: told 'linear amplitude or digital numbers ... calibrate to sigma0', a fix that gives nonsense for these values."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

FIX = "`-ds[bands]`"


def _run_fix(err, v):
    "The message's fix in backticks, run on `v` as `ds[bands]`."
    return eval(str(err.value).split("`")[1].replace("ds[bands]", "v"), {"np": np, "v": v})


def test_negated_decibels_are_named_and_the_fix_works(crop):
    s1 = crop["sentinel1"].to_dataset()
    flipped = s1.assign(VV=-s1.VV, VH=-s1.VH)   # VV -9.6 dB median -> 9.6, VH -16.2 -> 16.2
    with pytest.raises(UnitsError, match=r"sentinel1\.VV should be in dB .*sign flipped.*" + re.escape(FIX)) as e:
        validate_stack(with_source(crop, "sentinel1", flipped))
    assert "sigma0" not in str(e.value)
    fixed = flipped.assign(VV=_run_fix(e, flipped.VV), VH=_run_fix(e, flipped.VH))
    np.testing.assert_array_equal(fixed.VV.values, s1.VV.values)
    validate_stack(with_source(crop, "sentinel1", fixed))


def test_frames_of_one_reader_negated_are_named_with_their_dates(crop):
    s1 = crop["sentinel1"].to_dataset()
    late = s1.time >= np.datetime64("2024-01-01")
    merged = s1.assign(VV=s1.VV.where(~late, -s1.VV), VH=s1.VH.where(~late, -s1.VH))
    with pytest.raises(UnitsError, match=rf"{int(late.sum())} of the {s1.sizes['time']} frames judged \(2024-01-10.*"
                                         r"sign flipped.*" + re.escape(FIX)):
        validate_stack(with_source(crop, "sentinel1", merged))


def test_real_backscatter_negated_is_named(shared_data):
    # the official sample points' 2024 median backscatter (forest, coast, urban: VV up to +4.9 dB) pass, negated: told
    for f in sorted((shared_data / "aef_samples").glob("alphaearth_s1_dw_samples_*_2024.csv")):
        d = pd.read_csv(f)
        vv, vh = d.S1_VV.values, d.S1_VH.values
        check_units("sentinel1", ("VV", "VH"), (vv, vh))
        with pytest.raises(UnitsError, match="sign flipped"): check_units("sentinel1", ("VV", "VH"), (-vv, -vh))


def test_digital_numbers_and_amplitude_are_still_named_as_before():
    rng = np.random.default_rng(3)
    dn = np.exp(rng.normal(np.log(35), 0.8, 3000))   # dark VH digital numbers: median 35, but p99 near 230
    with pytest.raises(UnitsError, match="amplitude or digital numbers") as e: check_units("sentinel1", "VH", dn)
    assert "sign" not in str(e.value)
    db = rng.normal(-12, 3, 3000)
    with pytest.raises(UnitsError, match=r"linear amplitude.*20 \* np\.log10"):
        check_units("sentinel1", ("VV", "VH"), (10 ** (db / 20), 10 ** ((db - 6) / 20)))
