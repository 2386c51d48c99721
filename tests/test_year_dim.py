"""An embedding cube along `year` (what `ds.groupby('time.year').first()` gives) is told how to map every year.

`as_embedding` said only 'extra dims ['year']: select one, e.g. da.isel(year=0)'; the package maps a cube along
`time` year by year (similarity, classify, sample, coarsen, aggregate), so the message now names the rename that
makes one, and the rename, run as written, maps every year."""
import re

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("dim,coord", [("year", [2023, 2024]), ("date", pd.to_datetime(["2023-01-01", "2024-01-01"]))])
def test_a_cube_along_another_dim_of_years_is_told_the_rename(dim, coord):
    a, b = (embedding_from_array(random_unit((4, 5), seed=s)) for s in (1, 2))
    cube = xr.concat([a, b], dim).assign_coords({dim: coord})
    with pytest.raises(DimensionError, match=rf"isel\({dim}=0\)") as err:
        cube.aef.similarity(a.values[1, 1])
    fix = re.search(r"`(da = da\.rename\([^`]+\))`", str(err.value))
    assert fix, str(err.value)
    env = {"da": cube}; exec(fix[1], env)
    s = env["da"].aef.similarity(a.values[1, 1])
    np.testing.assert_allclose(s.isel(time=0).values, a.aef.similarity(a.values[1, 1]).values)
    np.testing.assert_allclose(s.isel(time=1).values, b.aef.similarity(a.values[1, 1]).values)


def test_another_extra_dim_is_not_called_years():
    a = embedding_from_array(random_unit((4, 5), seed=1))
    with pytest.raises(DimensionError, match=r"isel\(run=0\)") as err:
        a.expand_dims(run=[0, 1]).aef.similarity(a.values[1, 1])
    assert "rename" not in str(err.value)
