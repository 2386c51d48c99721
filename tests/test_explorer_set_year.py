"""Explorer.set_year takes a year of the series or its position (newcomer s52, finding 10). Was:
`cube.aef.explore().set_year(2023)` raised numpy's bare 'IndexError: index 2023 is out of bounds for axis 0 with
size 2'."""
import importlib.util

import numpy as np
import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra")
from alphaearth_nb.core import AEFError, PeriodError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube():
    import xarray as xr
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2)]
    return xr.concat(maps, dim="time").assign_coords(time=np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]"))


def test_a_year_or_a_position_is_shown():
    from alphaearth_nb.explorer import Explorer
    ex = Explorer(_cube(), basemaps=False)
    ex.set_year(2023)
    assert ex.year_index == 0 and ex.year.value == 0
    ex.set_year(1)
    assert ex.year_index == 1 and ex.year.value == 1   # the panel's picker follows
    ex.set_year(np.int64(2023))
    assert ex.year_index == 0


@pytest.mark.parametrize("bad", [2022, 2, -1, True, "2023", 2023.0])
def test_other_years_are_refused_naming_the_series(bad):
    from alphaearth_nb.explorer import Explorer
    ex = Explorer(_cube(), basemaps=False)
    with pytest.raises(PeriodError, match="2023-01-01, 2024-01-01"):
        ex.set_year(bad)
    assert ex.year_index == 0   # the year shown kept


def test_a_lone_map_has_position_zero_only():
    from alphaearth_nb.explorer import Explorer
    ex = Explorer(embedding_from_array(random_unit((5, 6), seed=3)), basemaps=False)
    ex.set_year(0)
    with pytest.raises(AEFError, match="one map"):
        ex.set_year(1)
