"""A date or instant given as a year (pd.Timestamp, np.datetime64 of a day, datetime.date/datetime) stands for its
calendar year, as a map's time and a cube's `time` coordinate are read: official.open(years=pd.Timestamp('2024-01-01'))
opens 2024, a list or (first, last) tuple of dates their years. NaT, date text and out-of-range years stay refused,
and a date alone is still no period (as_period). Was (9448032a): ConfigError "years Timestamp('2024-01-01 00:00:00')
is not a year: pass a year such as 2024 (...)"."""
import datetime

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import official as off
from alphaearth_nb.core import ConfigError, PeriodError
from alphaearth_nb.periods import as_period, as_year, as_years

DATES = [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-15", tz="UTC"), np.datetime64("2024-03-05"),
         np.datetime64("2024-01-01T00:00:00"), np.array(np.datetime64("2024-02-01")), datetime.date(2024, 1, 1),
         datetime.datetime(2024, 5, 1, 12)]


@pytest.mark.parametrize("d", DATES, ids=repr)
def test_a_date_is_its_year(d):
    assert as_year(d) == 2024 and as_years(d) == [2024] and off.years_of(d) == [2024]


def test_dates_in_lists_and_pairs():
    assert off.years_of([pd.Timestamp("2022-01-01"), np.datetime64("2024-01-01")]) == [2022, 2024]
    # a pair holding a date is as_period's [start, end): the end's year only where the period reaches into it
    assert off.years_of((pd.Timestamp("2022-01-01"), datetime.date(2024, 1, 1))) == [2022, 2023]
    assert off.years_of((pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))) == [2024]
    assert as_years((np.datetime64("2022-03-01"), pd.Timestamp("2024-06-01"))) == [2022, 2023, 2024]
    assert as_years((2022, pd.Timestamp("2024-07-01"))) == [2022, 2023, 2024]
    assert as_years((np.datetime64("2022"), np.datetime64("2024"))) == [2022, 2023, 2024]   # years, not dates
    assert off.years_of(pd.DatetimeIndex(["2023-01-01", "2024-01-01"])) == [2023, 2024]


@pytest.mark.parametrize("bad", [pd.NaT, np.datetime64("NaT"), "2024-01-01", np.datetime64("1850-03-01")], ids=repr)
def test_no_date_and_date_text_stay_refused(bad):
    with pytest.raises(ConfigError, match="not a (calendar )?year"):
        off.years_of(bad)


def test_a_date_alone_is_still_no_period():
    with pytest.raises(PeriodError, match="a date or instant names no span"):
        as_period(pd.Timestamp("2024-01-01"))


def test_official_open_reads_a_date_as_its_year(tmp_path, shared_data):
    mir = off.build_local_mirror(tmp_path / "m", years=(2024,), samples=shared_data / "aef_samples")
    box = (5.985, 44.9995, 5.99, 45.0015)
    want = off.open(box, 2024, source=mir.root, chunks=32)
    for d in (pd.Timestamp("2024-01-01"), np.datetime64("2024-06-01"), datetime.date(2024, 1, 1)):
        got = off.open(box, years=d, source=mir.root, chunks=32)
        assert got.time.dt.year.values.tolist() == [2024]
        np.testing.assert_array_equal(got.values, want.values)
