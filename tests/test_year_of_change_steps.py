"""`yearly_change`'s `year_of_change` names the year a pixel's change shows first, wherever it falls in the series.
Was the year of the highest leave-one-out score, a year on the side with fewer years: forest 2017..2022 cleared from
2023 gave 2023, 2024 or 2025 by pixel; base 2019, 2020 then new 2021..2023 gave 2019 or 2020; a cube of 2019, 2021,
2022 changed during 2020 gave 2019 (the missing-years warning itself says 2021)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.cubes import yearly_change
from alphaearth_nb.testing import embedding_from_array, random_unit

OLD, NEW = random_unit((3, 4), seed=50), random_unit((3, 4), seed=60)


def _cube(states, years, noise=0.02):
    "A cube whose year i holds OLD (0) or NEW (1) per `states`, plus a little noise, at the given years."
    rng = np.random.default_rng(1)
    maps = []
    for s in states:
        v = (NEW if s else OLD) + noise * rng.normal(size=OLD.shape)
        maps.append(embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)))
    return xr.concat(maps, dim="time").assign_coords(time=pd.to_datetime([f"{y}-01-01" for y in years]))


@pytest.mark.parametrize("states, want", [
    ((0, 0, 0, 0, 0, 0, 1, 1, 1), 2023),   # cleared in 2023, stays cleared
    ((0, 0, 1, 1, 1, 1, 1, 1, 1), 2019),   # early step: the old state is the minority
    ((0, 0, 0, 0, 1, 1, 1, 1, 1), 2021),
    ((0, 0, 0, 0, 0, 0, 0, 0, 1), 2025),   # a change in the last year names it
    ((0, 0, 0, 1, 0, 0, 0, 0, 0), 2020),   # one odd year that comes back
    ((0, 0, 0, 1, 1, 0, 0, 0, 0), 2020),   # two odd years that come back: the first
])
def test_year_of_change_is_the_first_year_of_the_changed_state(states, want):
    yoc = yearly_change(_cube(states, range(2017, 2026)))["year_of_change"].values
    assert (yoc == want).all(), np.unique(yoc)


def test_a_change_during_a_missing_year_shows_in_the_next():
    with pytest.warns(Warning, match="a change during 2020 shows in 2021"):
        out = yearly_change(_cube((0, 1, 1), (2019, 2021, 2022)))
    assert (out["year_of_change"].values == 2021).all()   # was 2019


def test_any_order_a_year_without_data_and_lazy_give_the_same_year():
    cube = _cube((0, 0, 1, 1, 1), range(2019, 2024))
    shuffled = cube.isel(time=[3, 0, 4, 2, 1])              # stored out of order: the years still read in time
    assert (yearly_change(shuffled)["year_of_change"].values == 2021).all()
    gap = cube.copy(data=cube.values.copy())
    gap[2] = np.nan                                         # 2021 without data: the change shows in 2022
    assert (yearly_change(gap)["year_of_change"].values == 2022).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")                      # no numpy warning from a lazy compute
        lazy = yearly_change(cube.chunk({"y": 2, "x": 3}))["year_of_change"].values
    assert (lazy == 2021).all()
    one = cube.copy(data=cube.values.copy())
    one[:, 0, 0] = np.nan
    one[4, 0, 0] = cube.values[4, 0, 0]                     # a pixel with data in one year alone: no year named
    yoc = yearly_change(one)["year_of_change"].values
    assert np.isnan(yoc[0, 0]) and (yoc.ravel()[1:] == 2021).all()
