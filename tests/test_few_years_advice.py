"""`yearly_change` of a cube of fewer than 3 years names its years and a join that works for maps that record no
year (a map built from an array, a GeoTIFF read without its date): `join_years` needs `years=` for them, the cube's
years first, and the message gives that list; `join_years`' own refusal gives it too, built from the years the
maps record. Was: 'join more years first, `join_years([cube, emb_2025, ...])`', which, followed with such a map,
met join_years' TimeError 'pass years=[2023, 2024, ...], one a year' (session 31's finding)."""
import re

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, TimeError
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years, map_year, yearly_change

MAPS = [embedding_from_array(random_unit((4, 5), seed=s)) for s in range(4)]   # record no year
CUBE2 = join_years(MAPS[:2], years=[2023, 2024])


def _run_fix(msg, cube, maps):
    "Run the `cube = aef.years.join_years([...], years=[...])` the message names, with `maps` for its map names."
    code = re.findall(r"`(cube = aef\.years\.join_years\(\[cube, [^`]*years=[^`]*)`", msg)
    assert code, msg
    env = {"aef": aef, "cube": cube, "emb": maps[0], **{f"emb_{k + 1}": m for k, m in enumerate(maps)}}
    exec(code[-1], env)
    return env["cube"]


@pytest.mark.parametrize("n", [1, 2])
def test_the_named_join_runs_for_maps_that_record_no_year(n):
    cube = CUBE2.isel(time=slice(0, n))
    assert all(map_year(m) is None for m in MAPS[2:])
    with pytest.raises(DimensionError) as e:
        yearly_change(cube)
    msg = str(e.value)
    assert f"got {n} ({[2023, 2024][:n]})" in msg and "years=" in msg
    joined = _run_fix(msg, cube, MAPS[2:])
    assert joined.sizes["time"] == 3 and [t.year for t in joined.indexes["time"]] == [2023, 2024, 2025]
    assert yearly_change(joined)["score"].sizes["time"] == 3


def test_join_years_names_a_years_list_it_takes():
    with pytest.raises(TimeError) as e:
        join_years([CUBE2, MAPS[2]])
    msg = str(e.value)
    assert "a map records no year (1 of the 3" in msg and "`years=[2023, 2024, 2025]`" in msg
    assert join_years([CUBE2, MAPS[2]], years=[2023, 2024, 2025]).sizes["time"] == 3
