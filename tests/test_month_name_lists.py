"""Text times that name their month in English are read by the package's own rule, value by value (a month's name
says which part is the month, so no list order is needed), as ISO 8601 text: 'Dec' beside 'December', 'Sept', a
weekday first ('Mon, 05 Jan 2020'), a month and year alone ('Dec 2020'), a 24- or 12-hour time with a zone ('UTC',
'GMT', 'Z', '+02:00'); and text on a 12-hour clock with a zone after AM/PM ('12/31/2020 1:05 PM UTC') by its
explicit format. Was: pandas' guess from the first value, so 'Dec 5 2020' beside 'December 6 2020' was a TimeError
("doesn't match format"), and 'Sept ...', 'Dec 2020' beside 'December 2020' and AM/PM with a zone read with pandas'
'Could not infer format' UserWarning. A value-by-value read that remains is warned at the caller's line without
`warnings.catch_warnings` (which swaps the process's filters before Python 3.14, so a thread's filter set meanwhile
was lost). Right values worked by hand: 1:05 PM is 13:05, 12:05 AM 00:05; 13:05 at +02:00 is 11:05 UTC, 10:00 at
+0200 08:00 UTC, 1:05 PM at -05:00 18:05 UTC."""
import warnings
from types import SimpleNamespace

import numpy as np
import pytest

from alphaearth_nb import times
from alphaearth_nb.core import TimeError, TimeWarning
from alphaearth_nb.timecodes import to_ms


@pytest.mark.parametrize("values, want", [
    (["Dec 5 2020", "December 6 2020"], ["2020-12-05", "2020-12-06"]),                 # was: TimeError
    (["December 6, 2020", "Dec 5, 2020"], ["2020-12-06", "2020-12-05"]),
    (["5 Dec 2020", "6 December 2020", "7 DEC 2020"], ["2020-12-05", "2020-12-06", "2020-12-07"]),
    (["Dec 2020", "December 2020"], ["2020-12-01", "2020-12-01"]),                     # a month: its first day
    (["Sept 5 2020", "Oct 5 2020"], ["2020-09-05", "2020-10-05"]),                     # was: pandas' warning
    (["5 Sept 2020", "6 Oct. 2020"], ["2020-09-05", "2020-10-06"]),
    (["Sept 2020", "Oct 2020"], ["2020-09-01", "2020-10-01"]),
    (["Sept 5 2020 13:05", "Oct 5 2020 14:05:30"], ["2020-09-05T13:05", "2020-10-05T14:05:30"]),
    (["Dec 5 2020 1:05 PM", "December 6 2020 12:05 AM"], ["2020-12-05T13:05", "2020-12-06T00:05"]),
    (["Mon, 05 Jan 2020 10:00:00 +0200", "Tue, 06 Jan 2020 10:00:00 GMT"], ["2020-01-05T08:00", "2020-01-06T10:00"]),
    (["Sunday, January 5, 2020", "Monday, January 6, 2020"], ["2020-01-05", "2020-01-06"]),
    (["2020-Jan", "2020 Feb 5"], ["2020-01-01", "2020-02-05"]),
    (["12/31/2020 1:05 PM UTC", "1/2/2021 2:05 AM UTC"], ["2020-12-31T13:05", "2021-01-02T02:05"]),   # AM/PM, zone
    (["12/31/2020 1:05 PM +02:00", "12/30/2020 1:05 PM +02:00"], ["2020-12-31T11:05", "2020-12-30T11:05"]),
    (["31/12/2020 1:05 PM +0100", "30/12/2020 1:05 PM +0100"], ["2020-12-31T12:05", "2020-12-30T12:05"]),
    (["12/31/2020 1:05:30 PM -05:00", "12/30/2020 1:05:30 PM -05:00"], ["2020-12-31T18:05:30", "2020-12-30T18:05:30"]),
    (["2020-12-31 1:05 PM Z", "2020-12-30 1:05 p.m. UTC"], ["2020-12-31T13:05", "2020-12-30T13:05"]),
    (["Dec 31, 2020 1:05 PM GMT", "Jan 1, 2021 1:05 AM GMT"], ["2020-12-31T13:05", "2021-01-01T01:05"]),
])
def test_month_names_and_twelve_hour_zones_read_right_without_a_warning(values, want, strict_times):
    np.testing.assert_array_equal(strict_times(values), np.array(want, "datetime64[ms]"))


@pytest.mark.parametrize("values, said", [
    (["Feb 30 2020", "Jan 5 2020"], "'Feb 30 2020' names no day (February 2020 has 29 days)"),
    (["Jan 5 2020 13:05 PM", "Jan 6 2020 1:05 PM"], "cannot read"),   # no 13 o'clock on a 12-hour clock
])
def test_a_month_name_text_that_is_no_time_is_our_error_alone(values, said, strict_times):
    with pytest.raises(TimeError, match=said.replace("(", r"\(").replace(")", r"\)")):
        strict_times(values)


def test_text_read_value_by_value_is_warned_without_swapping_the_warning_filters(monkeypatch):
    def swapped(*a, **k): raise AssertionError("warnings.catch_warnings swaps the process's filters: not thread-safe")
    monkeypatch.setattr(times, "warnings", SimpleNamespace(**{**vars(warnings), "catch_warnings": swapped}))
    filters = warnings.filters
    with pytest.warns(TimeWarning, match="Could not infer format") as seen:
        ms = to_ms(["January of 2024", "March of 2024"])   # no format pandas can guess: value by value (dateutil)
    assert ms.astype("datetime64[ms]").astype(str).tolist() == ["2024-01-01T00:00:00.000", "2024-03-01T00:00:00.000"]
    assert [w.filename for w in seen] == [__file__] and warnings.filters is filters
    with pytest.raises(TimeError, match="day is out of range for month"):   # a failure: our error, no warning first
        to_ms(["31/02/2024", "28/02/2024"])
