"""times' and year_columns' code within STYLE's 120 columns (ISO_TEXT, _TWELVE, to_ms' raise and a day-month line
were 122 to 179), and one text of the zone written after a time, `times.ZONE_TEXT`, read by year_columns' time of day
(was a copy of times._OFFSET written inline)."""
import inspect

import pytest

from alphaearth_nb import times, year_columns


@pytest.mark.parametrize("mod", [times, year_columns])
def test_lines_within_120(mod):
    lines = inspect.getsource(mod).splitlines()
    long = [(i + 1, len(s)) for i, s in enumerate(lines) if len(s) > 120 and i > 0 and not s.startswith("__all__")]
    assert not long, long


def test_year_columns_reads_times_zone():
    assert times.ZONE_TEXT in year_columns._TIME
    assert year_columns.column_years(["12/31/2020 1:05 PM -0500", "2021-01-05 10:00 GMT"]).tolist() == [2020, 2021]
