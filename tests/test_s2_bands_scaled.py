"""A few Sentinel-2 bands 10 or 100 times too large, the rest right (B11 and B12 read with another scale), are named
with the conversion of those bands alone (units._few_scaled_up, field case F): their brightest 1% pass 20000
(reflectance 2.0, which no surface reaches; ESA's product specification: reflectance x 1e4) while the other bands'
do not. Was: passed without a word (fewer than half the bands past the top: `_scaled_up` said nothing), the values
past 20000 masked as no data and the rest read 10 times too bright. Frames of another reader are named by date; a
band on another scale throughout is named once, not as 'those frames' (its dark dates stay under the top)."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source


def _fixed(ds, message):
    code = [c for c in re.findall(r"`(ds = [^`]*)`", message) if not c.startswith("ds = stack[")][-1]   # not the
    # words of where a tree's `ds` comes from (`stacks._as_passed`, session 49)
    scope = {"ds": ds}
    exec(code, {}, scope)
    return scope["ds"]


@pytest.mark.parametrize("scaled", [{"B11": 10, "B12": 10}, {"B12": 100}, {"B8": 10}, {"B11": 10, "B12": 100}])
def test_bands_scaled_alone_are_named_and_the_fix_gives_them_back(crop, scaled):
    s2 = crop["sentinel2"].to_dataset()
    wrong = s2.assign({b: s2[b] * f for b, f in scaled.items()})
    with pytest.raises(UnitsError) as e:
        validate_stack(with_source(crop, "sentinel2", wrong))
    msg = str(e.value)
    assert msg.startswith(f"sentinel2 band(s) {', '.join(scaled)} should be in reflectance x 1e4"), msg
    assert "Fix those frames only" not in msg
    for f in set(scaled.values()): assert f"x {1e4 * f:.0e}".replace("e+0", "e") in msg
    fixed = _fixed(wrong, msg)
    for b in s2.data_vars: np.testing.assert_allclose(fixed[b].values, s2[b].values, rtol=1e-6)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        validate_stack(with_source(crop, "sentinel2", fixed))
    assert not [x for x in w if "times too large" in str(x.message)]


def test_later_frames_of_two_bands_scaled_are_named_by_date(crop):
    s2 = crop["sentinel2"].to_dataset()
    late = s2.time >= np.datetime64("2024-01-01")
    wrong = s2.assign({b: s2[b].where(~late, s2[b] * 10) for b in ("B11", "B12")})
    with pytest.raises(UnitsError, match=r"frames judged \(2024-.*look like B11, B12 in reflectance x 1e5.*"
                                         r"`ds = ds\.assign\(B11=ds\['B11'\] / 10, B12=ds\['B12'\] / 10\)`.*"
                                         r"Fix those frames only"):
        validate_stack(with_source(crop, "sentinel2", wrong))
