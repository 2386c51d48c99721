"""yearly_change of a cube with no time steps (a selection that kept none: `cube.sel(time=slice('2030', '2031'))`,
a year filter past the cube's) names the empty cube, the likely cause and the fix (session 33's review). Was: 'needs
at least 3 years, got 0 ([]): ... join more years first, `cube = join_years([cube, emb_1, emb_2, emb_3])`', a join
of an empty cube that counts it as years it does not have."""
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years, yearly_change


def _cube():
    maps = [embedding_from_array(random_unit((3, 4), seed=s)).assign_attrs(period_start=f"{y}-01-01")
            for s, y in ((1, 2022), (2, 2023), (3, 2024))]
    return join_years(maps)


@pytest.mark.parametrize("select", ["slice", "isel", "mask"])
def test_a_cube_of_no_time_steps_is_named_with_its_cause_and_fix(select):
    cube = _cube()
    empty = {"slice": lambda: cube.sel(time=slice("2030", "2031")), "isel": lambda: cube.isel(time=[]),
             "mask": lambda: cube.sel(time=cube.time.dt.year > 2030)}[select]()
    assert empty.sizes["time"] == 0
    with pytest.raises(DimensionError) as e:
        yearly_change(empty)
    msg = str(e.value)
    assert "yearly_change got a cube of no time steps (time: 0, y: 3, x: 4, band: 64)" in msg, msg
    assert "a time selection that kept none" in msg and "cube.time.dt.year.values" in msg, msg
    assert "got 0 ([])" not in msg and "join_years" not in msg, msg


def test_the_named_selection_runs_on_the_cube_it_came_from():
    cube = _cube()
    with pytest.raises(DimensionError) as e:
        yearly_change(cube.sel(time=slice("2030", "2031")))
    import re
    fix = re.findall(r"`(cube\.sel\(time=slice\([^`]+\))`", str(e.value))[-1]   # the fix, after the cause
    out = yearly_change(eval(fix, {"cube": cube}))
    assert out.sizes["time"] == 3 and np.isfinite(out["score"].values).all()


def test_one_and_two_years_keep_their_words():
    cube = _cube()
    for n in (1, 2):
        with pytest.raises(DimensionError, match=rf"needs at least 3 years, got {n} \(\[2022"):
            yearly_change(cube.isel(time=slice(0, n)))
