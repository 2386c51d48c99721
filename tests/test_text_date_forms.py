"""Date text of every spelling family, through each door that reads text times: a table's year column
(timecodes.column_years, so classify/regress/training_set's year rule and sample), frame times (to_ms) and a period's
(start, end) (as_period). Was: column_years gave NaN for '2020-1-5' (ISO's month and day of one digit, while
'2020/1/5' was read), a US spreadsheet's '12/31/2020 1:05 PM' (12-hour clock), 'Jan 5 2020', '5 January 2020' and
the ordinal '2020-005', which is 2020 whatever its day; to_ms read all but the ordinal already. Each form is read
right, or refused with a word: to_ms's TimeError naming the form it wants, column_years' NaN named by its caller
(classify's "holds ['2020-W05'], not whole years")."""
import numpy as np
import pandas as pd
import pytest
from alphaearth_nb.core import TimeError
from alphaearth_nb.year_columns import table_years as _table_years
from alphaearth_nb.timecodes import as_period, column_years, to_ms

# text -> the instant it names (UTC), worked by hand: 12 AM is 00, 12 PM is 12, 1 PM is 13; an offset is subtracted
READ = {
    "2020-1-5": "2020-01-05T00:00",
    "2020-1-5 10:00": "2020-01-05T10:00",
    "2020-1-5T10:00+02:00": "2020-01-05T08:00",
    "2020-01-05T10:00Z": "2020-01-05T10:00",
    "12/31/2020 1:05 PM": "2020-12-31T13:05",
    "12/31/2020 12:05 AM": "2020-12-31T00:05",
    "12/31/2020 12:05 PM": "2020-12-31T12:05",
    "31/12/2020 1:05 pm": "2020-12-31T13:05",    # day first: 31 is no month
    "2020-01-05 1:05 PM": "2020-01-05T13:05",
    "2020.1.5 1:05 p.m.": "2020-01-05T13:05",
    "Jan 5 2020": "2020-01-05T00:00",
    "January 5, 2020": "2020-01-05T00:00",
    "5 January 2020": "2020-01-05T00:00",
    "5 Sept. 2020": "2020-09-05T00:00",
}


@pytest.mark.parametrize("text", list(READ))
def test_each_form_is_read_by_every_door(text):
    want = np.datetime64(READ[text], "ms")
    assert column_years([text])[0] == 2020.0                       # its own calendar year, zone or not
    assert to_ms([text])[0] == want.astype(np.int64)
    assert as_period((text, "2021-06-01")).start == want


def test_a_us_spreadsheet_column_reads_in_its_order():
    col = ["12/31/2020 1:05 PM", "1/15/2021 12:05 AM", "2/1/2022 11:59 PM"]   # 31 and 15 settle month first
    np.testing.assert_array_equal(column_years(col), [2020, 2021, 2022])
    np.testing.assert_array_equal(to_ms(col).astype("datetime64[ms]"), np.array(
        ["2020-12-31T13:05", "2021-01-15T00:05", "2022-02-01T23:59"], "datetime64[ms]"))
    np.testing.assert_array_equal(_table_years(pd.DataFrame({"year": col}), "year"), [2020, 2021, 2022])


def test_the_ordinal_date_is_its_year_where_the_day_is_one():
    # 2020 is a leap year (366 days), 2021 not
    np.testing.assert_array_equal(column_years(["2020-005", "2020-366", "2021-365", "2021-366", "2021-000"]),
                                  [2020, 2020, 2021, np.nan, np.nan])


@pytest.mark.parametrize("text", ["12/31/2020 13:05 PM",   # no hour 13 on a 12-hour clock
                                  "1/5/2020 0:05 AM",      # nor 0
                                  "Foo 5 2020",            # no month's name
                                  "30 February 2020",
                                  "2020-W05"])             # an ISO week: '2020-W01' starts on 30 December 2019
def test_what_names_no_date_is_named_by_the_year_rule(text):
    assert np.isnan(column_years([text])[0])
    with pytest.raises(Exception, match=r"holds \[.*\], not whole years"):
        _table_years(pd.DataFrame({"year": [text]}), "year")


@pytest.mark.parametrize("text,words", [
    ("2020-W05", r"write them as ISO dates \(ISO 8601: '2024-01-31'"),
    ("2020-005", r"write them as ISO dates \(ISO 8601: '2024-01-31'"),
    ("20200105", r"numbers as text, not dates: they look like dates written YYYYMMDD"),
])
def test_frame_times_refuse_with_the_form_they_want(text, words):
    with pytest.raises(TimeError, match=words): to_ms([text])
    with pytest.raises(Exception, match=words): as_period((text, "2021-06-01"))
