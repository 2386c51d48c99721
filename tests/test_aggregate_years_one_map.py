"""`aggregate` of a cube labels each row by `year`: a cube holding two maps of one year (dates 2023-01-01 and
2023-06-01, or two tiles of 2022 joined with `xr.concat`) gave each zone two rows of 2023, and a cube without a `time`
coordinate (`xr.concat(maps, 'time')`) rows of 'year' 0 and 1, the steps. Both are a `DimensionError` naming the fix
now (`years.refuse_repeated_years`, which `yearly_change` shares: its no-time cube named years 0, 1, 2 too)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import yearly_change


def _cube(times):
    maps = [embedding_from_array(random_unit((12, 12), seed=s)) for s in range(len(times) if times is not None else 3)]
    c = xr.concat(maps, dim="time")
    return c if times is None else c.assign_coords(time=np.array(times, "datetime64[ns]"))


@pytest.mark.parametrize("times,words", [(["2023-01-01", "2023-06-01"], "2 maps of 2023"),
                                         (None, "carry no year")])
def test_aggregate_refuses_a_cube_whose_rows_would_repeat_or_invent_years(times, words):
    with pytest.raises(DimensionError, match=words):
        aggregate(_cube(times), tile=6)


def test_a_cube_of_distinct_years_still_aggregates_by_year():
    out = aggregate(_cube(["2022-01-01", "2023-01-01", "2024-01-01"]), tile=6)
    assert sorted(set(out["year"])) == [2022, 2023, 2024] and (out.groupby("year").size() == 4).all()


def test_yearly_change_refuses_a_cube_of_no_years():
    with pytest.raises(DimensionError, match="join_years"):
        yearly_change(_cube(None))


@pytest.mark.parametrize("n, dates", [(1, "['2024-01-01']"), (2, "['2023-01-01', '2024-01-01']"),
                                      (5, "['2022-01-01', '2023-01-01', '2024-01-01', ...]")])
def test_a_cube_of_no_years_is_offered_as_many_dates_as_maps(n, dates):
    "A cube of 1 map and no `time` coordinate was told 'the cube's 1 maps ... carry no year' and offered two dates."
    c = xr.concat([embedding_from_array(random_unit((12, 12), seed=s)) for s in range(n)], dim="time")
    with pytest.raises(DimensionError) as got: aggregate(c, tile=6)
    said = str(got.value)
    assert f"pd.to_datetime({dates})" in said and ("1 map along `time` carries" in said) == (n == 1), said
    assert ("cube.isel(time=0)" in said) == (n == 1), said
