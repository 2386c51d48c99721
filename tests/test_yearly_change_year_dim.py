"""yearly_change of a cube along `year` (what `ds.groupby('time.year').first()` gives) or along dates under another
name is told the rename that makes it the cube, and the rename, run as written, scores every year as the `time` cube
does. Was: 'yearly_change needs a cube with a `time` dim (several years): open one with `official.open(bbox,
years=range(2018, 2025))`, or your own years' maps with `cubes.join_years(embs, years)`', for a cube in hand."""
import re

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("dim,coord", [("year", [2022, 2023, 2024]),
                                       ("date", pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]))])
def test_a_cube_along_another_dim_of_years_is_told_the_rename(dim, coord):
    maps = [embedding_from_array(random_unit((4, 5), seed=s)) for s in (1, 2, 3)]
    want = xr.concat(maps, "time").assign_coords(time=coord).aef.yearly_change()
    cube = xr.concat(maps, dim).assign_coords({dim: coord})
    with pytest.raises(DimensionError, match=rf"along '{dim}'") as err:
        cube.aef.yearly_change()
    assert "official.open" not in str(err.value)
    fix = re.search(r"`(cube = cube\.rename\([^`]+\))`", str(err.value))
    assert fix, str(err.value)
    env = {"cube": cube}; exec(fix[1], env)
    got = env["cube"].aef.yearly_change()
    for v in ("distance", "score", "year_of_change", "max_score"):
        np.testing.assert_allclose(got[v].values, want[v].values)


def test_a_map_without_years_is_still_told_how_to_make_a_cube():
    e = embedding_from_array(random_unit((4, 5), seed=1))
    with pytest.raises(DimensionError, match=r"official\.open\(bbox"):
        e.aef.yearly_change()
    sample = xr.concat([e, e], "sample")   # a dim that is no years: no rename offered
    with pytest.raises(DimensionError) as err:
        sample.aef.yearly_change()
    assert "rename" not in str(err.value)
