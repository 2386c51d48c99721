"""`years.warn_support_outside(m, year=...)` (public since session 51) read `year` inside the block that takes a map
of no support or no year for "unjudged": a year that is none ('abc', 2022.5, True, 1800) returned False, no warning
and no refusal, as if the map were inside its year. It is read first, by `timecodes.as_year`: a `PeriodError`."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import PeriodError, TimeWarning
from alphaearth_nb.years import warn_support_outside

MAP = xr.DataArray(np.zeros((2, 2, 64), np.float32), dims=("y", "x", "band"),
                   attrs={"support_start": "2023-01-01", "support_end": "2024-12-31"})


@pytest.mark.parametrize("year", ["abc", 2022.5, True, 1800])
def test_a_year_that_is_none_is_refused(year):
    with pytest.raises(PeriodError):
        warn_support_outside(MAP, year=year)   # was: False, silently


def test_years_still_judged():
    with pytest.warns(TimeWarning, match="labelled 2022 but the model read no frame of it"):
        assert warn_support_outside(MAP, year="2022")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not warn_support_outside(MAP, year=np.int64(2024))   # inside its support
        assert not warn_support_outside(MAP)   # no period attrs, no time: unjudged, as before
