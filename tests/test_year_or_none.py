"""`map_checks._year` and `map_files._year` were one function written twice (`map_year`, None where a map records no
year or an attr that is no date, s56 stop re-read): one `years.year_or_none` now, which both use, re-exported by
cubes as every public name of years is."""
import pytest

from alphaearth_nb import cubes, years
from alphaearth_nb.core import TimeError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_year_or_none_reads_map_year_and_gives_none_for_no_date():
    m = embedding_from_array(random_unit((2, 2), seed=1))
    assert years.year_or_none(m.assign_attrs(period_start="2024-01-01")) == 2024
    spring = m.assign_attrs(time="spring")
    with pytest.raises(TimeError):
        years.map_year(spring)
    assert years.year_or_none(spring) is None
    assert years.year_or_none(m.drop_attrs()) is None
    assert cubes.year_or_none is years.year_or_none
