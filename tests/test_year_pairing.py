"""Functions pairing years (change of two cubes, join_years, yearly_change) name what works when the years do not
pair, and a cube's year is selected by its text (its `time` holds dates)."""
import inspect
import warnings

import numpy as np
import pytest

from alphaearth_nb.analysis import change
from alphaearth_nb.core import TimeError
from alphaearth_nb.cubes import join_years, yearly_change
from alphaearth_nb.embeddings import from_official
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


def _map(seed): return embedding_from_array(random_unit((4, 5), seed))
def _cube(seed, years): return join_years([_map(seed + i) for i in range(len(years))], years=years)


def test_two_one_year_cubes_of_other_years_name_what_works():
    """A 2019 cube and a 2024 cube were told to keep the years both have (there are none). Now the message names one
    map each and join_years then yearly_change, and each form it names runs."""
    a = _map(0).expand_dims(time=[np.datetime64("2019-01-01", "ns")])
    b = _map(1).expand_dims(time=[np.datetime64("2024-01-01", "ns")])
    for f in (lambda: change(a, b), lambda: a.aef.change(b)):
        with pytest.raises(TimeError) as e: f()
        m = str(e.value)
        assert "change(a.isel(time=0), b.isel(time=0))" in m and "join_years([a, b])" in m, m
        assert "select the years both have" not in m, m
    assert change(a.isel(time=0), b.isel(time=0)).dims == ("y", "x")
    cube = join_years([a, b])
    assert cube.time.dt.year.values.tolist() == [2019, 2024] and cube.dims == ("time", "y", "x", "band")
    assert change(cube.isel(time=0), cube.isel(time=-1)).dims == ("y", "x")
    assert yearly_change(join_years([cube, _map(2)], years=[2019, 2024, 2025])).year_of_change.dims == ("y", "x")


def test_longer_cubes_without_a_common_year_and_with_some():
    a, b = _cube(0, [2018, 2019]), _cube(5, [2023, 2024])
    with pytest.raises(TimeError, match=r"a\.isel\(time=i\), b\.isel\(time=j\)") as e: change(a, b)
    assert "join_years([a, b])" in str(e.value)
    assert join_years([a, b]).time.dt.year.values.tolist() == [2018, 2019, 2023, 2024]
    c = _cube(9, [2019, 2020])   # one year in common: the common selection, as before
    with pytest.raises(TimeError, match="select the years both have"): change(a, c)


def test_join_years_reads_each_maps_recorded_year():
    "A cube's map (`isel`, scalar time) and from_official's map (attrs['time']) record their year: no `years` needed."
    cube = _cube(0, [2020, 2021])
    j = join_years([cube.isel(time=1), cube.isel(time=0)])   # given out of order: time increases (7d23a45),
    assert j.time.dt.year.values.tolist() == [2020, 2021]     # each map with its own year's values
    assert np.array_equal(j.sel(time=j.time[1]).values, cube.isel(time=1).transpose(*j.isel(time=1).dims).values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        o = [from_official(fake_official(_map(s), time=f"{y}-01-01")) for s, y in ((1, 2022), (2, 2023))]
    assert join_years(o).time.dt.year.values.tolist() == [2022, 2023]
    with pytest.raises(TimeError, match="records no year"): join_years([_map(0), _map(1)])


def test_yearly_change_of_two_years_names_the_change_of_the_two():
    cube = _cube(0, [2020, 2021])
    with pytest.raises(Exception, match=r"change\(cube\.isel\(time=0\), cube\.isel\(time=1\)\)"): yearly_change(cube)
    assert change(cube.isel(time=0), cube.isel(time=1)).dims == ("y", "x")


def test_a_year_is_selected_by_its_text_as_documented():
    "The cube's time holds dates: the forms join_years' and official.open's docstrings name select as they say."
    from alphaearth_nb import official
    for fn in (join_years, official.open):
        doc = inspect.getdoc(fn)
        assert 'cube.sel(time="2024")' in doc and "KeyError" in doc, fn.__name__
    cube = _cube(0, [2023, 2024])
    assert cube.sel(time="2024").dims == ("time", "y", "x", "band") and cube.sel(time="2024").sizes["time"] == 1
    assert cube.sel(time="2024-01-01").dims == ("y", "x", "band")
    with pytest.raises(KeyError): cube.sel(time=2024)
