"""join_years' `years=` names the years of maps that record none; one that records another year (a cube of 2019 passed
with years=[2024]) is a TimeError naming both (was: relabelled without a word). yearly_change of a cube whose years skip
some (2019, 2021, 2022) names the missing years (was: silent, 2019 -> 2021 read as one step)."""
import warnings

import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import TimeError, TimeWarning
from alphaearth_nb.cubes import join_years, yearly_change
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube(years, seed=1):
    e = [embedding_from_array(random_unit((4, 5), seed=seed + i)) for i in range(len(years))]
    return xr.concat(e, xr.DataArray(pd.to_datetime([f"{y}-01-01" for y in years]), dims="time", name="time"))


def test_years_clashing_with_recorded_ones_are_refused():
    c19, e = _cube([2019]), embedding_from_array(random_unit((4, 5), seed=9))
    with pytest.raises(TimeError, match=r"gives map 0 the year 2024 but it records 2019.*drop `years=`"):
        join_years([c19, e], years=[2024, 2025])
    with pytest.raises(TimeError, match=r"records 2023"):
        join_years([e.assign_attrs(period_start="2023-01-01"), e], years=[2024, 2025])
    got = join_years([c19, e], years=[2019, 2025])                     # the recorded year, and one for the bare map
    assert got.time.dt.year.values.tolist() == [2019, 2025]
    assert join_years([c19, e.assign_attrs(period_start="2021-01-01")]).time.dt.year.values.tolist() == [2019, 2021]


def test_yearly_change_names_missing_years():
    with pytest.warns(TimeWarning, match=r"years \[2019, 2021, 2022\] miss \[2020\].*during 2020 shows in 2021"):
        yearly_change(_cube([2019, 2021, 2022]))
    with pytest.warns(TimeWarning, match=r"miss \[2020\]"):            # a plain xr.concat of maps, the official first
        first = _cube([2019]).isel(time=0).assign_attrs({"embedding:model": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL"})
        rest = [m.assign_coords(time=m.time) for m in _cube([2021, 2022], seed=5)]
        yearly_change(xr.concat([first, *rest], "time"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yearly_change(_cube([2019, 2020, 2021]))                        # consecutive: nothing to say
