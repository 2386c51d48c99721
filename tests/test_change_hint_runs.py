"""`change` with no second map (`cube.aef.change()`, `aef.change(cube)`) names calls that run as written whichever way
it was called: the accessor's forms (`a.aef.change(b)`, `cube.isel(time=0).aef.change(cube.isel(time=-1))`) and
`aef.change(a, b)`, each with the package as `aef`. Was: 'change(a, b)' and 'change(cube.isel(time=0),
cube.isel(time=-1))', a NameError after `import alphaearth_nb as aef` or for a user of `.aef` (review44)."""
import re

import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("call", ["accessor", "function"])
def test_every_change_call_the_hint_names_runs(call):
    a = embedding_from_array(random_unit((4, 6), seed=3))
    b = embedding_from_array(random_unit((4, 6), seed=4))
    cube = xr.concat([a, b], dim="time").assign_coords(time=[2023, 2024])
    with pytest.raises(ConfigError) as e:
        cube.aef.change() if call == "accessor" else aef.change(cube)
    calls = [c for c in re.findall(r"`([^`]+)`", str(e.value)) if "change(" in c and "yearly" not in c]
    assert len(calls) == 3, str(e.value)
    for c in calls:   # as a user runs it: the package as `aef`, the maps named as in the hint
        got = eval(c, {"aef": aef}, {"a": a, "b": b, "cube": cube})
        assert got.dims == ("y", "x"), c
