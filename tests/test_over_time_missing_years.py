"""A function of a cube applied year by year (`analysis.over_time`: similarity, change, classify, regress) names the
years the cube skips, by `yearly_change`'s rule (`cubes.warn_missing_years`): the result's series skips them too (was:
silent). Consecutive years, a single year and steps without years say nothing."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify, similarity
from alphaearth_nb import cubes
from alphaearth_nb.core import TimeWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube(years, seed=1):
    e = [embedding_from_array(random_unit((4, 5), seed=seed + i)) for i in range(len(years))]
    return xr.concat(e, xr.DataArray(pd.to_datetime([f"{y}-01-01" for y in years]), dims="time", name="time"))


def test_over_time_names_missing_years():
    cube, q = _cube([2019, 2021, 2022]), random_unit((), seed=3)
    with pytest.warns(TimeWarning, match=r"years \[2019, 2021, 2022\] miss \[2020\]: `similarity` is computed for each "
                                         r"year present.*join_years\(\[cube, emb_2020\]\)"):
        assert similarity(cube, q).sizes["time"] == 3
    with pytest.warns(TimeWarning, match=r"miss \[2020, 2021\]: `change`"):
        change(_cube([2019, 2022]), _cube([2019, 2022], seed=7))
    labels = xr.DataArray(np.tile([[0, 1, -1, -1, -1]], (4, 1)), dims=("y", "x"), coords={"y": cube.y, "x": cube.x})
    with pytest.warns(TimeWarning, match=r"miss \[2020\]: `classify`"):
        classify(cube, labels, k=1)


def test_no_gap_says_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        similarity(_cube([2019, 2020, 2021]), random_unit((), seed=3))                     # consecutive
        similarity(_cube([2019]), random_unit((), seed=3))                                 # one year
        similarity(_cube([2019, 2021]).drop_vars("time"), random_unit((), seed=3))         # steps, no years
    assert cubes.warn_missing_years([2024, 2022, 2023]) == [] and cubes.warn_missing_years([]) == []
