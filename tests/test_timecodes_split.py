"""`timecodes` (01, 600 lines at the 600-line cap) split by job into `times` (times of any form read as instants, days
since 2020), `periods` (`Period`, the years and periods users write, `PAIRS`) and `year_columns` (a table's year
column), each at floor 01; `timecodes` keeps the timecodes and a period's position and features and re-exports every
name, so `timecodes.to_ms`, `aef.timecodes.as_period` and `aef.as_period` are the same objects as before."""
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import timecodes
from alphaearth_nb.core import DTypeError

PARTS = {"times": ("EPOCH", "MS_PER_DAY", "YEARS", "as_numbers", "is_yyyymmdd", "numeric_time_hint", "refuse_times_path",
                   "unwritten_years", "ISO_TEXT", "month_name_iso", "to_ms", "GREGORIAN", "odd_times", "day_first", "to_days", "utc_times",
                   "from_days", "ZONE_TEXT", "TIME_DTYPE", "as_time_dtype", "year_starts",   # these three: session 39
                   "text_objects", "time_values"),   # session 41; time_values: s57 (from embeddings)
         "periods": ("Period", "PAIRS", "as_year", "as_years", "as_period", "config_year"),   # config_year: session 40
         "year_columns": ("column_years", "year_column_hint", "year_column", "table_years")}
STAYED = ("PERIODS", "TIMECODE_DIM", "timecode", "position", "period_features", "PERIOD_FEATURE_DIM")


@pytest.mark.parametrize("part", sorted(PARTS))
def test_timecodes_reexports_every_name_of_its_parts(part):
    mod = getattr(aef, part)
    assert sorted(mod.__all__) == sorted(PARTS[part])
    for n in PARTS[part]:
        assert getattr(timecodes, n) is getattr(mod, n), n
        assert n in timecodes.__all__, n


def test_what_stayed_in_timecodes_is_defined_there_and_the_everyday_names_are_one():
    assert all(n in timecodes.__all__ for n in STAYED)
    assert timecodes.timecode.__module__ == timecodes.__name__
    assert aef.as_period is aef.periods.as_period and aef.Period is aef.periods.Period


def test_moved_functions_work_through_timecodes():
    p = timecodes.as_period((2023, 2024))
    assert p.length_days == 731.0 and timecodes.to_days("2020-01-02").item() == 1.0
    assert timecodes.column_years(["31/12/2020", 2024]).tolist() == [2020.0, 2024.0]
    assert float(timecodes.position(p.days[0] + 365.0, p.days)) == pytest.approx(365 / 731)


def test_the_times_path_refusal_lets_date_text_through():
    timecodes.refuse_times_path("1/2/24", "times are values")   # date text, whose '/' `is_path` reads as a path's
    with pytest.raises(DTypeError, match="got the path 'times.csv'"):
        timecodes.refuse_times_path("times.csv", "times are values")
    assert timecodes.is_yyyymmdd(np.array([20230105])) and not timecodes.is_yyyymmdd(np.array([2023]))
