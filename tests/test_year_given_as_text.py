"""`evaluate_years.year_rows` and `refuse_other_year` (public since session 51) compared the year given with the
table's or the map's int years as given: '2024' (text, as Python callers pass years to this package's other
functions) was refused in words that contradict themselves, "has no row of --year 2024 ... pass --year 2024" and "a
map of 2024, not of --year 2024". The year is read by `timecodes.as_year` first; one that is none is its
`PeriodError`."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import PeriodError, TimeError
from alphaearth_nb.evaluate_years import refuse_other_year, year_rows

TABLE = pd.DataFrame({"year": [2023, 2024, 2024], "label": [1, 2, 2]})
MAP = xr.DataArray(np.zeros((1, 1, 64), np.float32), dims=("y", "x", "band"), attrs={"period_start": "2024-01-01"})


@pytest.mark.parametrize("year", ["2024", 2024.0, np.int64(2024)])
def test_a_year_in_any_form_selects_its_rows_and_passes_its_map(year):
    assert year_rows(TABLE, year, "T").tolist() == [False, True, True]   # was: LabelError for '2024'
    assert refuse_other_year(MAP, year, "m") is MAP   # was: TimeError 'a map of 2024, not of --year 2024'


def test_other_years_and_no_years_still_refused():
    with pytest.raises(TimeError, match="a map of 2024, not of --year 2023"):
        refuse_other_year(MAP, "2023", "m")
    for bad in ("abc", 2024.5):
        with pytest.raises(PeriodError):
            year_rows(TABLE, bad, "T")
        with pytest.raises(PeriodError):
            refuse_other_year(MAP, bad, "m")
