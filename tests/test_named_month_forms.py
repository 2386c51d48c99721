"""A month's English name in any case, between hyphens ('05-Jan-2020', a spreadsheet's dd-mmm-yyyy; 'Jan-05-2020'),
and a leading day with its ordinal suffix ('5th January 2020') are read by a table's year column
(timecodes.column_years, so classify/regress/training_set's year rule and sample) as frame times (to_ms) and periods
(as_period) read them (session 34's review of 4d52335, whose rule wanted spaces: NaN, then "holds ['05-Jan-2020'], not
whole years"); and to_ms reads 'JAN' or 'jan' beside a 12-hour clock right (pandas took the hour for the month)."""
import numpy as np
import pytest
from alphaearth_nb.timecodes import as_period, column_years, to_ms

READ = {"05-Jan-2020": "2020-01-05T00:00", "5-jan-2020": "2020-01-05T00:00", "Jan-05-2020": "2020-01-05T00:00",
        "05-Sept-2020": "2020-09-05T00:00", "05-JAN-2020 1:05 PM": "2020-01-05T13:05",
        "5th January 2020": "2020-01-05T00:00", "31st-Dec-2020 23:59": "2020-12-31T23:59"}


@pytest.mark.parametrize("text", list(READ))
def test_each_form_is_read_by_every_door(text):
    want = np.datetime64(READ[text], "ms")
    assert column_years([text])[0] == int(READ[text][:4])
    assert to_ms([text])[0] == want.astype(np.int64)
    assert as_period((text, "2021-06-01")).start == want


@pytest.mark.parametrize("text", ["30-Feb-2020", "05-Foo-2020", "05-Jan-20"])   # no day; no month; a 2-digit year
def test_what_names_no_date_stays_nan(text):
    assert np.isnan(column_years([text])[0])


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_a_month_name_in_any_case_keeps_its_12_hour_clock(case):
    "pandas' format guess read '05-JAN-2020 1:05 PM' as '%d-JAN-%Y %m:%M %p': 00:05, and the next value's hour 3 as " \
    "March ('06-JAN-2020 3:05 PM' -> 2020-03-06 00:05), without a word. Now each month name is read in any case."
    col = [f"05-{case('jan')}-2020 1:05 PM", f"06-{case('jan')}-2020 3:05 PM", f"{case('january')} 7 2020 12:05 AM"]
    want = np.array(["2020-01-05T13:05", "2020-01-06T15:05", "2020-01-07T00:05"], "datetime64[ms]")
    np.testing.assert_array_equal(to_ms(col).astype("datetime64[ms]"), want)
    np.testing.assert_array_equal(column_years(col), [2020, 2020, 2020])
