"""A map's `time` attr given as a number is read as a year or as epoch milliseconds (`years.map_year`): 2024.0 (a
float year, as netCDF attrs come back) is 2024 by `timecodes.as_year`, 1704067200000 (2024-01-01 UTC in ms since
1970) is 2024 by `timecodes.to_ms`. Was: both `TimeError` 'is no date', and 2024.5 read as 2024 (pandas' text of it).
A number that is neither (5, 2024.5, NaN) is the `TimeError` naming the attr and the two readings."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import TimeError
from alphaearth_nb.years import map_year

MS_2024 = (np.datetime64("2024-01-01", "ms") - np.datetime64("1970-01-01", "ms")).astype(np.int64)   # by hand
MS_2025_JUN = (np.datetime64("2025-06-30", "ms") - np.datetime64("1970-01-01", "ms")).astype(np.int64)


def _map(at):
    return xr.DataArray(np.zeros((2, 2, 3), "f4"), dims=("y", "x", "band"), attrs={"time": at})


@pytest.mark.parametrize("at, year", [(2024.0, 2024), (np.float32(2019.0), 2019), (np.int64(2021), 2021),
                                      (int(MS_2024), 2024), (float(MS_2024), 2024), (np.int64(MS_2025_JUN), 2025)])
def test_a_number_reads_as_a_year_or_epoch_milliseconds(at, year):
    assert map_year(_map(at)) == year


@pytest.mark.parametrize("at", [2024.5, 5, float("nan")])
def test_a_number_that_is_neither_is_named(at):
    with pytest.raises(TimeError, match=r"attrs\['time'\] is .*no date \(a number here is a year, 1900..2100, or "
                                        r"epoch milliseconds: it is neither\)"):
        map_year(_map(at))
