"""A map whose year attr (`period_start`, else `time`) is no date ('spring', '2024-13-45') is years' TimeError
(core's family) naming the attr, its value and the fixes, from `map_year` and so from `join_years`. Was: pandas' bare
ValueError ('Unknown datetime string format, unable to parse: spring') from `pd.Timestamp`, naming no attr and no
fix. A map with such an attr still trains on every row (supervised reads it as no year recorded)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import AEFError, TimeError
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years, map_year


def _map(seed, **attrs):
    return embedding_from_array(random_unit((3, 4), seed=seed)).assign_attrs(attrs)


@pytest.mark.parametrize("key, value", [("time", "spring"), ("period_start", "2024-13-45"), ("time", "")])
def test_a_year_attr_that_is_no_date_is_named(key, value):
    with pytest.raises(TimeError, match=rf"attrs\['{key}'\] is {value!r}, which is no date") as e:
        map_year(_map(1, **{key: value}))
    assert isinstance(e.value, AEFError) and "emb.attrs.pop(" in str(e.value)


def test_join_years_names_it_and_the_fix_joins():
    bad, good = _map(1, time="spring"), _map(2, period_start="2024-01-01")
    with pytest.raises(TimeError, match=r"attrs\['time'\] is 'spring'"):
        join_years([bad, good])
    bad.attrs.pop("time")   # the fix named: drop it, give the year
    cube = join_years([bad, good], years=[2023, 2024])
    np.testing.assert_array_equal(cube.time.values, pd.to_datetime(["2023-01-01", "2024-01-01"]).values)
    assert map_year(_map(3, time="2024-06-01T10:00:00")) == 2024


def test_such_a_map_trains_on_one_years_rows(crop_rotation):
    "Rows of two years for a map of no year: refused, naming the fixes (s52: was every row, warned)."
    from alphaearth_nb.analysis import classify
    m = crop_rotation.maps[0].assign_attrs(time="spring")
    with pytest.raises(AEFError, match="the map records no year"):
        classify(m, crop_rotation.rows, k=1, crs="EPSG:32631")
    col = next(c for c in crop_rotation.rows.columns if c.lower() == "year")
    one = crop_rotation.rows[crop_rotation.rows[col] == crop_rotation.rows[col].max()]
    assert classify(m, one, k=1, crs="EPSG:32631")["class"].shape == (8, 10)
