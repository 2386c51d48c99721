"""A DEM's elevation in decimetres (values 10 times metres) is told by its slope, as centimetres, millimetres and
kilometres are (units.check_terrain, DM_RATIO: a gradient 10 times the slope's tangent; feet read 3.28, centimetres
100), before its values are judged: mountains in decimetres pass 9000 m and were named centimetres, whose fix left
them 10 times too low. Was: a lowland DEM in decimetres passed silently (the sample scene's 85 m as 850 'm')."""
import re

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source

MSG = r"dem\.elevation should be in m but looks like decimetres: its gradient is {} times .*`ds\['elevation'\] = " \
      r"ds\['elevation'\] / 10`"


def _run_fix(err, ds):
    code = str(err.value).split("`")[1].split(" = ")[-1]
    return ds.assign(elevation=eval(code, {"ds": ds}))


def test_a_lowland_dem_in_decimetres_is_refused_and_the_fix_works(crop):
    dem = crop["dem"].to_dataset()
    dm = dem.assign(elevation=dem.elevation * 10)   # 24..122 m as 240..1220: inside -500..9000 m
    with pytest.raises(UnitsError, match=MSG.format(r"10\.0")) as e:
        validate_stack(with_source(crop, "dem", dm))
    fixed = _run_fix(e, dm)
    np.testing.assert_allclose(fixed.elevation, dem.elevation, rtol=1e-6)   # float32
    validate_stack(with_source(crop, "dem", fixed))


def test_the_real_patch_in_decimetres_and_in_feet(shared_data):
    from alphaearth_nb.readers import read_worldcereal_patch
    dem = read_worldcereal_patch(root=shared_data)["dem"].to_dataset()   # its 30 m slope on a 10 m grid: 1.43
    tree = lambda d: xr.DataTree.from_dict({"dem": d})
    with pytest.raises(UnitsError, match=MSG.format(r"14\.\d")): validate_stack(tree(dem.assign(elevation=dem.elevation * 10)))
    with pytest.raises(UnitsError, match=r"looks like feet: its gradient is 4\.\d+"):
        validate_stack(tree(dem.assign(elevation=dem.elevation / 0.3048)))
    validate_stack(tree(dem))


def _hills(n=120, res=30.0, peak=3000.0):
    "A DEM (1, n, n) of a 3000 m mountain on 30 m pixels, its slope in degrees from np.gradient (as check_terrain reads it)."
    yy, xx = np.mgrid[0:n, 0:n] * res
    c = n * res / 2
    e = 400 + (peak - 400) * np.clip(1 - np.hypot(yy - c, xx - c) / c, 0, 1) ** 1.5
    s = np.degrees(np.arctan(np.hypot(*np.gradient(e, res, res))))
    coords = {"time": np.array(["2024-01-01"], "datetime64[ns]"), "y": 5e6 - yy[:, 0] - res / 2, "x": 4e5 + xx[0] + res / 2}
    return xr.Dataset({"elevation": (("time", "y", "x"), e[None]), "slope": (("time", "y", "x"), s[None])},
                      coords=coords, attrs={"crs": "EPSG:32632", "source": "dem"})


def test_mountains_in_decimetres_are_decimetres_not_centimetres():
    dem = _hills()
    validate_stack(xr.DataTree.from_dict({"dem": dem}))
    dm = dem.assign(elevation=dem.elevation * 10)   # 4,000..30,000: past 9000 m, inside once divided by 100 too
    with pytest.raises(UnitsError, match=MSG.format(r"10\.0")) as e:
        validate_stack(xr.DataTree.from_dict({"dem": dm}))
    assert "centimetres" not in str(e.value)
    with pytest.raises(UnitsError, match=re.escape("looks like centimetres")):   # centimetres: as before
        validate_stack(xr.DataTree.from_dict({"dem": dem.assign(elevation=dem.elevation * 100)}))


def test_without_a_slope_decimetres_are_named_beside_centimetres():
    # values alone cannot tell mountains in decimetres (6,000..48,000) from hills in centimetres: both are named, and
    # which a slope would tell; was: centimetres alone, whose fix leaves decimetres 10 times too low
    from alphaearth_nb.units import check_units
    rng = np.random.default_rng(9)
    alps = rng.uniform(600, 4800, 3000)
    with pytest.raises(UnitsError, match=r"look like centimetres .*`ds\[bands\] / 100`.*\(by 10 if it stores "
                                         r"decimetres: only a slope beside it tells, `check_terrain`\)"):
        check_units("dem", "elevation", alps * 10)
    with pytest.raises(UnitsError, match="centimetres") as e: check_units("dem", "elevation", alps * 100)
    assert "decimetres" not in str(e.value)          # / 10 leaves 6,000..48,000: no decimetres there
    with pytest.raises(UnitsError, match="centimetres") as e: check_units("gedi", "rh98", rng.uniform(2, 40, 3000) * 100)
    assert "decimetres" not in str(e.value)          # canopy heights in cm / 10 pass 120 m
