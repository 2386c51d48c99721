"""A DEM's slope in percent where degrees are read is told by check_terrain, which reads the slope beside its
elevation (units.check_terrain, field case F): distinct values past 95, which no slope in degrees reaches (a cliff is
90), are refused even where fewer than 1% of them leave check_units' 99th percentile under 90; on moderate mountains
(every reading under 90) the gradient says it: where a slope in percent reads 50..90, tan(reading) outgrows the
gradient (100 tan 30 deg = 57.7, tan 57.7 deg = 1.58 against tan 30 deg = 0.58), which a slope in degrees does not, so a
UnitsWarning names the conversion (a warning: a slope from a finer grid also reads steep where the gradient is not).
Gentle ground cannot tell (100 tan a is within 1.75 a). Was: both passed silently."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.stacks import validate_stack

FIX = "`ds['slope'] = np.degrees(np.arctan(ds['slope'] / 100))`"


def _hills(peak=1200.0, scarp=0.0, n=120, res=30.0):
    "A mountain drawn on 30 m pixels (its steepest 39 degrees at 1,200 m), with a scarp `scarp` m high on 40 rows if" \
    " asked, then a third of its size on the model's 10 m pixels (every slope as drawn)."
    yy, xx = np.mgrid[0:n, 0:n] * res
    c = n * res / 2
    e = 400 + (peak - 400) * np.clip(1 - np.hypot(yy - c, xx - c) / c, 0, 1) ** 1.5 + 20 * np.sin(xx / 90) * np.cos(yy / 120)
    e = (e + scarp * ((xx >= 80 * res) & (yy >= 40 * res) & (yy < 80 * res))) / 3
    s = np.degrees(np.arctan(np.hypot(*np.gradient(e, res / 3, res / 3))))
    yy, xx = yy / 3, xx / 3
    coords = {"time": np.array(["2024-01-01"], "datetime64[ns]"), "y": 5e6 - yy[:, 0] - 5, "x": 4e5 + xx[0] + 5}
    return xr.Dataset({"elevation": (("time", "y", "x"), e[None]), "slope": (("time", "y", "x"), s[None])},
                      coords=coords, attrs={"crs": "EPSG:32632", "source": "dem"})


def _tree(dem): return xr.DataTree.from_dict({"dem": dem})


def _percent(dem): return dem.assign(slope=100 * np.tan(np.radians(dem.slope)))


def _quiet(dem):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        validate_stack(_tree(dem))


def _fixed(msg, dem):
    code = [c for c in re.findall(r"`([^`]*)`", msg) if not c.startswith(("ds = stack[", "stack["))][-1].split(" = ")[-1]
    # (the last fix, not the words of where a tree's `ds` comes from and goes: `stacks._as_passed`, session 49)
    return dem.assign(slope=eval(code, {"np": np, "ds": dem}))


def test_a_few_cliffs_past_95_say_percent():
    dem = _hills(scarp=50.0)           # a scarp: 0.8% of the pixels past 95% (to 139%), the 99th percentile 88
    _quiet(dem)
    pct = _percent(dem)
    assert np.percentile(pct.slope, 99) < 90 and 0 < float((pct.slope > 95).mean()) < 0.01
    with pytest.raises(UnitsError, match=r"dem\.slope should be in degrees but its values look like percent: \d+ "
                                         r"distinct values pass 95 .*" + re.escape(FIX)) as e:
        validate_stack(_tree(pct))
    back = _fixed(str(e.value), pct)
    np.testing.assert_allclose(back.slope, dem.slope, atol=1e-9)
    _quiet(back)


def test_a_moderate_mountain_in_percent_is_warned():
    dem = _hills()                     # 0..39 degrees: 0..80%, every value a plausible degree
    _quiet(dem)
    pct = _percent(dem)
    assert float(pct.slope.max()) < 90
    with pytest.warns(UnitsWarning, match=r"dem\.slope may be in percent, not degrees: where it reads 50\.\.90 .*"
                                          + re.escape(FIX)) as w:
        validate_stack(_tree(pct))
    _quiet(_fixed(str(w[0].message), pct))
    _quiet(dem.assign(slope=(dem.slope * 1.5).clip(0, 90)))   # a steeper product's slope in degrees: nothing said


def test_gentle_ground_real_slopes_and_fills_say_nothing(crop, shared_data):
    from alphaearth_nb.readers import read_worldcereal_patch
    dem = crop["dem"].to_dataset()
    _quiet(dem)
    _quiet(_percent(dem).assign(slope=lambda d: d.slope.astype("float32")))   # 0..36%: gentle, cannot tell
    _quiet(read_worldcereal_patch(root=shared_data)["dem"].to_dataset())
    hills = _hills()
    filled = hills.slope.values.copy(); filled[0, :1, :70] = 255.0   # one undeclared fill in 0.5% of the pixels
    _quiet(hills.assign(slope=(hills.slope.dims, filled)))
