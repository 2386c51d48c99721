"""US date-times on a 12-hour clock ('12/31/2020 1:05 PM', a US spreadsheet's export) are read by an explicit
format (month first, or day first where a first part over 12 settles it; the separator, seconds and fraction as
written; a month's English name first, 'Dec 31, 2020'; 'a.m.'/'p.m.' in any case), so pandas' per-value 'Could not
infer format ... falling back to `dateutil`' UserWarning no longer reaches the user. Was: that warning from every
list of two or more such times. Right values worked by hand: 1:05 PM is 13:05, 12:05 AM is 00:05, 12:30 PM is 12:30."""
import numpy as np
import pytest

from alphaearth_nb.core import TimeError


@pytest.mark.parametrize("values, want", [
    (["12/31/2020 1:05 PM", "1/2/2021 11:00 AM"], ["2020-12-31T13:05", "2021-01-02T11:00"]),
    (["12/31/2020 12:05 AM", "12/31/2020 12:30 PM"], ["2020-12-31T00:05", "2020-12-31T12:30"]),
    (["12/30/2020 1:05:30 pm", "12/31/2020 10:00:00 am"], ["2020-12-30T13:05:30", "2020-12-31T10:00:00"]),
    (["12/31/2020 1:05 p.m.", "1/2/2021 9:15 a.m."], ["2020-12-31T13:05", "2021-01-02T09:15"]),
    (["12-31-2020 1:05PM", "01-02-2021 11:00AM"], ["2020-12-31T13:05", "2021-01-02T11:00"]),
    (["31/12/2020 1:05 PM", "1/2/2021 11:00 AM"], ["2020-12-31T13:05", "2021-02-01T11:00"]),   # day first: 31 settles it
    (["12/31/2020 1:05:07.5 PM", "12/31/2020 2:00:00.25 PM"], ["2020-12-31T13:05:07.500", "2020-12-31T14:00:00.250"]),
    (["2020-12-31 1:05 PM", "2021-01-02 11:00 AM"], ["2020-12-31T13:05", "2021-01-02T11:00"]),
    (["12/30/2020", "12/31/2020 1:05 PM"], ["2020-12-30T00:00", "2020-12-31T13:05"]),   # beside a date alone
    (["Dec 31, 2020 1:05 PM", "Jan 2, 2021 11:00 am"], ["2020-12-31T13:05", "2021-01-02T11:00"]),   # month names
    (["December 31 2020 1:05:30 PM", "January 2 2021 12:00:00 AM"], ["2020-12-31T13:05:30", "2021-01-02T00:00:00"]),
    # a month's full name beside its abbreviation (May is both; June, July four letters), 'Sept', a dot or a comma
    # on some values only: each value's month read by its first three letters
    (["May 1, 2021 1:05 PM", "June 2, 2021 11:00 AM"], ["2021-05-01T13:05", "2021-06-02T11:00"]),
    (["Dec 31, 2020 1:05 PM", "September 1, 2021 1:05 AM"], ["2020-12-31T13:05", "2021-09-01T01:05"]),
    (["Sept 1 2021 1:05 PM", "Oct. 2, 2021 1:05 PM", "jul 3 2021 12:00 am"],
     ["2021-09-01T13:05", "2021-10-02T13:05", "2021-07-03T00:00"]),
])
def test_twelve_hour_times_read_without_pandas_warning(values, want, strict_times):
    np.testing.assert_array_equal(strict_times(values), np.array(want, "datetime64[ms]"))


def test_an_hour_past_twelve_on_a_twelve_hour_clock_is_still_our_error(strict_times):
    with pytest.raises(TimeError, match="cannot read"):
        strict_times(["12/31/2020 13:05 PM", "12/30/2020 1:05 PM"])
