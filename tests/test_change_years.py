"""A change map says the two years it spans: `change(e2023, e2024)` carries attrs `from_year=2023, to_year=2024`
(each map's year, `cubes.map_year`), not the first map's one year. Was: the result kept the first map's scalar `time`
(2022-01-01 for `cube.isel(time=0).aef.change(cube.isel(time=2))`) or its `period_start` ('2023-01-01' for `embed`'s
maps), as if a map of that year, and nothing of the second's; a cube against a map of 2021 said nothing of 2021."""
import numpy as np
import xarray as xr

from alphaearth_nb.analysis import change
from alphaearth_nb.cubes import join_years, map_year
from alphaearth_nb.testing import embedding_from_array, random_unit

MAPS = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2, 3)]
CUBE = join_years(MAPS, years=[2022, 2023, 2024])


def spans(out, first, second):
    assert (out.attrs.get("from_year"), out.attrs.get("to_year")) == (first, second)
    assert "time" not in out.coords and not {"period_start", "period_end", "time"} & set(out.attrs)
    assert map_year(out) is None   # a change map is no one year's map


def test_two_years_cut_from_a_cube():
    out = CUBE.isel(time=0).aef.change(CUBE.isel(time=2))
    spans(out, 2022, 2024)
    np.testing.assert_allclose(out.values, change(MAPS[0], MAPS[2]).values)


def test_two_maps_that_record_their_year_start():
    e23, e24 = (m.assign_attrs(period_start=f"{y}-01-01", period_end=f"{y}-12-31") for m, y in zip(MAPS, (2023, 2024)))
    spans(change(e23, e24), 2023, 2024)
    spans(e24.aef.change(e23), 2024, 2023)


def test_a_map_of_unknown_year_leaves_its_year_out():
    e23 = MAPS[0].assign_attrs(period_start="2023-01-01")
    assert change(e23, MAPS[1]).attrs.get("to_year", "none") == "none"
    assert change(e23, MAPS[1]).attrs["from_year"] == 2023
    plain = change(MAPS[0], MAPS[1])
    assert not {"from_year", "to_year"} & set(plain.attrs)


def test_a_cube_against_a_map_names_the_map_year():
    e21 = MAPS[1].assign_attrs(period_start="2021-01-01")
    out = change(CUBE, e21)
    assert out.time.dt.year.values.tolist() == [2022, 2023, 2024]
    assert out.attrs.get("to_year") == 2021 and "from_year" not in out.attrs
    back = change(e21, CUBE)
    assert back.attrs.get("from_year") == 2021 and "to_year" not in back.attrs


def test_two_cubes_keep_their_years_on_time():
    out = change(CUBE, CUBE.roll(x=1, roll_coords=False))   # two cubes of other values (one cube twice: SameMapError)
    assert out.time.dt.year.values.tolist() == [2022, 2023, 2024]
    assert not {"from_year", "to_year"} & set(out.attrs)


def test_the_years_are_written_with_the_map(tmp_path):
    out = CUBE.isel(time=1).aef.change(CUBE.isel(time=2))
    path = tmp_path / "change.nc"
    out.drop_vars("spatial_ref", errors="ignore").to_netcdf(path)
    with xr.open_dataarray(path) as back:
        assert (back.attrs["from_year"], back.attrs["to_year"]) == (2023, 2024)
