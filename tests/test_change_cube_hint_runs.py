"""`cube.aef.change()` (no second map) names a call for the change between a cube's years that runs as written.
Was: 'change(cube.sel(time=a), cube.sel(time=b))', whose a and b a user fills with years: cube.sel(time=2023) is
xarray's KeyError and cube.sel(time="2023") a one-year cube that change refuses (TimeError 'the cubes share no
year')."""
import re

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube():
    maps = [embedding_from_array(random_unit((6, 5), seed=s)) for s in (0, 1)]
    return aef.years.join_years(maps, years=[2023, 2024])


def test_the_named_call_runs():
    cube = _cube()
    with pytest.raises(aef.core.ConfigError) as e:
        cube.aef.change()
    calls = [c for c in re.findall(r"`([^`]*)`", str(e.value))   # the function form or the accessor form (d1d4d10e)
             if c.startswith("change(cube") or (c.startswith("cube.") and ".aef.change(cube" in c)]
    assert calls, str(e.value)
    for call in calls:
        out = eval(call, {"change": aef.analysis.change, "cube": cube})
        assert out.dims == ("y", "x") and np.isfinite(out.values).all(), call
