"""Sentinel-2 reflectance 10 (or 100) times too large, reflectance x 1e5 (0..100000), is refused naming the scale and
`ds[bands] / 10`, told apart from the +1000 of processing baseline 04.00 (ESA: BOA_ADD_OFFSET = -1000 since 25
January 2022), which moves values by 1000 and never past 21000 (units._scaled_up, field case F). Was: warned as the
baseline's offset, `ds[bands] - 1000`, which left the values 10 times too large (and masked past 20000)."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

S2 = ("B2", "B3", "B4", "B8", "B11", "B12")


def _run_fix(msg, v):
    "The message's last fix in backticks, run on `v` as `ds[bands]`."
    return eval(re.findall(r"`([^`]*ds\[bands\][^`]*)`", msg)[-1].replace("ds[bands]", "v"), {"np": np, "v": v})


def _quiet(stack):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate_stack(stack)


@pytest.mark.parametrize("factor", [10, 100])
def test_reflectance_times_ten_is_refused_and_the_fix_works(crop, factor):
    s2 = crop["sentinel2"].to_dataset()   # B8 over crops: 99th percentile about 4000 (x 10: 40000, past 20000)
    big = s2.assign({b: s2[b] * factor for b in s2.data_vars})
    with pytest.raises(UnitsError, match=rf"reflectance x 1e{4 + len(str(factor)) - 1}, {factor} times too large "
                                         rf".*never that far\): divide by {factor}: `ds\[bands\] / {factor}`") as e:
        validate_stack(with_source(crop, "sentinel2", big))
    assert "- 1000" not in str(e.value)
    fixed = big.assign({b: _run_fix(str(e.value), big[b]) for b in big.data_vars})
    np.testing.assert_allclose(fixed.B8.values, s2.B8.values, rtol=1e-12)
    _quiet(with_source(crop, "sentinel2", fixed))


@pytest.mark.parametrize("lazy", [False, True])
def test_frames_of_one_reader_times_ten_are_named_with_their_dates(crop, lazy):
    s2 = crop["sentinel2"].to_dataset()
    late = s2.time >= np.datetime64("2024-01-01")
    merged = s2.assign({b: s2[b].where(~late, s2[b] * 10) for b in s2.data_vars})
    if lazy: merged = merged.chunk({"time": 4})
    with pytest.raises(UnitsError, match=r"sentinel2: \d+ of the \d+ frames judged \(2024-01-05, .*\) look like "
                                         r"reflectance x 1e5.*`ds\[bands\] / 10`") as e:
        validate_stack(with_source(crop, "sentinel2", merged))
    n, judged = map(int, re.match(r"sentinel2: (\d+) of the (\d+)", str(e.value)).groups())
    assert "2023" not in str(e.value) and n > judged / 3   # the late frames, not the early ones


def test_a_bright_scene_with_the_baseline_offset_is_the_offset_not_times_ten():
    # snow with the +1000 of baseline 04.00: a median about 11000 and a floor near 1000, the brightest 1% under 21000.
    # Divided by 10 it would be a plausible dark scene too: the values cannot say x 10, so the offset is named, and why
    rng = np.random.default_rng(5)
    refl = [np.r_[rng.uniform(8500, 11500, 3600), rng.uniform(50, 400, 400)] for _ in S2[:4]]   # snow, water
    refl += [np.r_[rng.uniform(300, 1200, 3600), rng.uniform(20, 200, 400)] for _ in S2[4:]]    # SWIR: snow is dark
    raw = [v + 1000 for v in refl]
    assert 10000 < np.median(raw[0]) < 12500 and 1000 < np.percentile(raw[0], 1) < 1500
    with pytest.warns(UnitsWarning, match=r"BOA_ADD_OFFSET.*not values 10 times too large.*21000.*`ds\[bands\] - 1000`"
                      ) as w:
        check_units("sentinel2", S2, raw)
    fixed = [_run_fix(str(w[0].message), v) for v in raw]
    np.testing.assert_allclose(fixed[0], refl[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", S2, fixed)


def test_real_bright_values_and_a_fill_are_not_times_ten():
    rng = np.random.default_rng(6)
    land = [rng.uniform(lo, hi, 4000) for lo, hi in ((150, 1500), (250, 1800), (150, 2200), (1200, 4500))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", S2[:4], land)
        clouds = [np.r_[v, rng.uniform(9000, 16000, 200)] for v in land]   # unmasked clouds: reflectance up to 1.6
        check_units("sentinel2", S2[:4], clouds)
        filled = [np.r_[v, np.full(100, 30000.0)] for v in land]   # 2.4% of one undeclared fill past the top
        check_units("sentinel2", S2[:4], filled)


@pytest.mark.parametrize("bands", [("B11", "B12"), ("B12",)])
def test_a_few_bands_past_the_top_are_not_the_whole_stack_times_ten(crop, bands):
    "Fewer than half the bands past 20000 are on another scale than the rest: `ds[bands] / 10` of every band would " \
    "spoil the others, so the stack-wide x 10 verdict is not given (was, on 21c2143: UnitsError naming all six bands); " \
    "those bands alone are refused with their own fix (1a52f0a)."
    s2 = crop["sentinel2"].to_dataset()
    big = s2.assign({b: s2[b] * 10 for b in bands})
    assert (big[list(bands)].quantile(0.99).to_array() > 20000).all()   # past the top, as in the stack-wide case
    with pytest.raises(UnitsError) as e:     # since 1a52f0a: those bands alone named (was: passed, masked past 20000)
        validate_stack(with_source(crop, "sentinel2", big))
    fix = str(e.value).split("divide those bands alone:")[-1]
    assert all(f"{b}=ds['{b}'] / 10" in fix for b in bands) and "`ds[bands] / 10`" not in str(e.value)
    assert not any(f"{b}=ds[" in fix for b in s2.data_vars if b not in bands)   # the right bands left as they are


def test_an_active_fire_in_the_swir_bands_is_not_a_scale(crop):
    "A fire front lights 2% of B11/B12 past reflectance 2 while the rest of those bands reads right: no band moved " \
    "as a whole (its median stays with the others'), so no 'divide by 10' (was, on 1a52f0a: UnitsError x 1e5)."
    s2 = crop["sentinel2"].to_dataset()
    hot = np.random.default_rng(1).random(s2["B11"].shape) < 0.02
    fire = s2.assign({b: s2[b].where(~hot, 25000 + 1000 * i) for i, b in enumerate(("B11", "B12"))})
    assert (fire[["B11", "B12"]].quantile(0.99).to_array() > 20000).all()
    try: validate_stack(with_source(crop, "sentinel2", fire))
    except UnitsError as e: pytest.fail(f"a fire read as a scale: {e}")
