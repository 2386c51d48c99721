"""A cube joined with `xr.concat(..., join='outer')` from years whose coordinates differ by float rounding (1e-6 m:
two readers, two reprojections) holds each place under two labels, every other row and column NaN by year: 8 x 10
for three 4 x 5 maps. `yearly_change` and `change` of its years refuse it (`GridError`) naming the joins that keep one
grid, `aef.cubes.join_years` and `join='override'`. Was: read silently, `yearly_change` a (8, 10) result with
year_of_change NaN at 60 of 80 pixels, `change` of two years NaN everywhere. A cube on one grid, and one with a gap of
rows (a selection), still reads."""

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import GridError


@pytest.mark.parametrize("shift", [dict(x=1e-6, y=-1e-6), dict(x=1e-3), dict(y=0.01)])
def test_yearly_change_refuses_an_interleaved_cube(shift, interleave_kit):
    TIMES, _map, _outer = interleave_kit
    m = _map()
    j = m.assign_coords({d: m[d] + s for d, s in shift.items()})
    cube = _outer([m, j, m])
    assert cube.sizes["y"] * cube.sizes["x"] > 20   # the outer join doubled an axis
    with pytest.raises(GridError, match=r"join_years.*join='override'"):
        aef.cubes.yearly_change(cube)
    with pytest.raises(GridError, match=r"one place under two labels"):
        aef.change(cube.isel(time=0), cube.isel(time=1))


def test_change_of_two_interleaved_cubes_is_refused(interleave_kit):
    TIMES, _map, _outer = interleave_kit
    m = _map()
    cube = _outer([m, m.assign_coords(x=m.x + 1e-6, y=m.y - 1e-6), m])
    with pytest.raises(GridError, match="join_years"):
        cube.aef.change(cube)


def test_the_fixes_named_read_it(interleave_kit):
    TIMES, _map, _outer = interleave_kit
    m = _map()
    j = m.assign_coords(x=m.x + 1e-6, y=m.y - 1e-6)
    for cube in (xr.concat([m, j, m], "time", join="override").assign_coords(time=TIMES),
                 aef.cubes.join_years([m, j, m], years=[2022, 2023, 2024])):
        out = aef.cubes.yearly_change(cube)
        assert dict(out["year_of_change"].sizes) == {"y": 4, "x": 5}
        assert float(out["distance"].max()) < 1e-6


def test_a_cube_with_a_gap_of_rows_still_reads(interleave_kit):
    TIMES, _map, _outer = interleave_kit
    "A selection of rows 0, 1 and 3 (a step of 10 m then 20 m) is no second label: read as before."
    m = _map(h=6)
    cube = xr.concat([m, m, _map(seed=5, h=6)], "time").assign_coords(time=TIMES).isel(y=[0, 1, 5])
    out = aef.cubes.yearly_change(cube)
    assert dict(out["year_of_change"].sizes) == {"y": 3, "x": 5}
    assert np.isfinite(aef.change(cube.isel(time=0), cube.isel(time=2)).values).all()
