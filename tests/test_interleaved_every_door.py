"""A cube that holds one place under two labels (`xr.concat(..., join='outer')` of years whose coordinates differ by
float rounding: 8 x 10 for three 4 x 5 maps, each year NaN at 3 of 4 pixels) is refused by every cube analysis with
the `GridError` that `change` and `yearly_change` gave (`same_grid.refuse_interleaved`, naming `join_years`), at the
cube doors' gate (`places.cube_form`: cluster, rgb, aggregate, coarsen) and over the years (`per_year.over_time`:
similarity, classify, regress, change). Was: those read it silently, each year NaN at 3 of 4 pixels. The cube
joined by `join_years`, and a cube with a gap of rows (a selection), still read."""
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import GridError


def _labels(c):
    return xr.DataArray((np.arange(c.sizes["y"] * c.sizes["x"]).reshape(c.sizes["y"], c.sizes["x"]) % 2).astype(
        np.int16), dims=("y", "x"), coords={"y": c.y, "x": c.x})


DOORS = {
    "similarity": lambda c, m: aef.similarity(c, m.values[0, 0]),
    "classify": lambda c, m: aef.classify(c, _labels(c), k=1),
    "regress": lambda c, m: aef.analysis.regress(c, _labels(c).astype(np.float32)),
    "change": lambda c, m: aef.change(c, c.roll(x=1, roll_coords=False)),   # one cube twice: SameMapError
    "cluster": lambda c, m: aef.analysis.cluster(c, 2),
    "rgb": lambda c, m: aef.analysis.rgb(c),
    "aggregate": lambda c, m: aef.cubes.aggregate(c, tile=2),
    "coarsen": lambda c, m: aef.cubes.coarsen(c, 2),
    "yearly_change": lambda c, m: aef.cubes.yearly_change(c),
}


@pytest.mark.parametrize("door", DOORS)
def test_every_cube_door_refuses_an_interleaved_cube(door, interleave_kit):
    TIMES, _map, _outer = interleave_kit
    m = _map()
    cube = _outer([m, m.assign_coords(x=m.x + 1e-6, y=m.y - 1e-6), m])
    with pytest.raises(GridError, match=r"one place under two labels.*join_years"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # NaN pixels said by the gate on the way
            DOORS[door](cube, m)


@pytest.mark.parametrize("door", DOORS)
def test_the_joined_cube_and_a_gap_of_rows_still_read(door, interleave_kit):
    TIMES, _map, _outer = interleave_kit
    m = _map(h=6)
    j = m.assign_coords(x=m.x + 1e-6, y=m.y - 1e-6)
    cubes = [aef.cubes.join_years([m, j, _map(seed=5, h=6)], years=[2022, 2023, 2024])]
    if door not in ("aggregate", "coarsen"):   # these need a regular grid: a gap of rows is refused as such
        cubes.append(xr.concat([m, m, _map(seed=5, h=6)], "time").assign_coords(time=TIMES).isel(y=[0, 1, 5]))
    for cube in cubes:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            DOORS[door](cube, m)
