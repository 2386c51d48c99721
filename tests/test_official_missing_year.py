"A year the mirror has no tile of, asked for beside years it has: named, never a raw xarray error or an all-NaN layer."

import pytest

from alphaearth_nb import official as off
from alphaearth_nb.core import NoTilesError

BBOX = (5.988, 44.9995, 6.006, 45.0045)   # across the 31N / 32N boundary of the local mirror's tiles


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2023, 2024),
                                  samples=shared_data / "aef_samples").root


@pytest.mark.parametrize("years,crs", [((2023, 2025), None),               # own grid: was xarray's ValueError
                                       ([2024, 2025], "EPSG:32631"),       # warped: was a silent all-NaN 2025
                                       ([2022, 2023, 2024], None)])
def test_a_year_without_tiles_is_named_with_the_years_that_have_them(mirror, years, crs):
    with pytest.raises(NoTilesError) as e:
        off.open(BBOX, years, crs=crs, source=mirror)
    have = [y for y in (2022, 2023, 2024, 2025) if y in off.years_of(years) and y in (2023, 2024)]
    missing = [y for y in off.years_of(years) if y not in (2023, 2024)]
    msg = str(e.value)
    assert f"in {missing}" in msg and f"years={have}" in msg, msg


def test_the_years_it_names_open(mirror):
    cube = off.open(BBOX, [2023, 2024], source=mirror)   # the fix as the message writes it
    assert list(cube.time.dt.year.values) == [2023, 2024]
    assert not cube.isnull().all(("y", "x", "band")).any()   # each year holds data
