"""timecodes.to_ms reads a list of times of several shapes (with and without seconds, a fraction, a zone), bytes text,
datetime64 of any unit and zoned pandas/Python times; times without a zone are UTC, in a mixed list too."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import TimeError
from alphaearth_nb.timecodes import to_ms


def _iso(v): return [str(t) for t in np.asarray(to_ms(v)).astype("datetime64[ms]").ravel()]


@pytest.mark.parametrize("values, want", [
    (["2024-01-01T10:00", "2024-01-02T10:00:30"], ["2024-01-01T10:00:00.000", "2024-01-02T10:00:30.000"]),
    (["2024/01/01 10:00", "2024/01/02 10:00:30"], ["2024-01-01T10:00:00.000", "2024-01-02T10:00:30.000"]),
    (["2024/01/01 10:00:30.25", "2024/01/02 10:00"], ["2024-01-01T10:00:30.250", "2024-01-02T10:00:00.000"]),
    (["13/01/2024 10:00", "14/01/2024 10:00:30", "02/01/2024"],
     ["2024-01-13T10:00:00.000", "2024-01-14T10:00:30.000", "2024-01-02T00:00:00.000"]),
    (["Jan 1 2024 10:00", "Jan 2 2024 10:00:30"], ["2024-01-01T10:00:00.000", "2024-01-02T10:00:30.000"]),
    (["2024-01-01T10:00Z", "2024-01-02T10:00:30"], ["2024-01-01T10:00:00.000", "2024-01-02T10:00:30.000"]),
    (["2024-01-01T10:00+02:00", "2024-01-02T10:00"], ["2024-01-01T08:00:00.000", "2024-01-02T10:00:00.000"]),
    (["2024/01/01 10:00Z", "2024/01/02 10:00"], ["2024-01-01T10:00:00.000", "2024-01-02T10:00:00.000"]),
])
def test_text_of_several_shapes_in_one_list(values, want):
    "'2024/01/01 10:00' beside '2024/01/02 10:00:30' was pandas' 'unconverted data remains' TimeError."
    assert _iso(values) == want


def test_bytes_are_read_as_their_ascii_text():
    "b'2024-01-01' was refused with pandas' message (\"<class 'bytes'> is not convertible to datetime\")."
    assert _iso([b"2024-01-01"]) == ["2024-01-01T00:00:00.000"]
    assert _iso(np.array([b"2024-01-01", b"2024-01-02T10:00"])) == ["2024-01-01T00:00:00.000", "2024-01-02T10:00:00.000"]
    assert _iso([b"2024-01-01", "2024-01-02"]) == ["2024-01-01T00:00:00.000", "2024-01-02T00:00:00.000"]
    with pytest.raises(TimeError, match=r"not ASCII text.*decode\('latin-1'\)"): to_ms([b"\xff2024-01-01"])


@pytest.mark.parametrize("unit", ["D", "s", "ms", "us", "ns"])
def test_datetime64_of_any_unit(unit):
    assert _iso(np.array(["2024-01-01"], f"datetime64[{unit}]")) == ["2024-01-01T00:00:00.000"]


def test_zoned_times_are_utc_and_naive_ones_taken_as_utc():
    paris = pd.Timestamp("2024-01-01T10:00", tz="Europe/Paris")   # UTC+1 in January
    assert _iso([paris]) == _iso(pd.DatetimeIndex([paris])) == _iso(pd.Series([paris])) == ["2024-01-01T09:00:00.000"]
    assert _iso([paris, pd.Timestamp("2024-01-01T10:00")]) == ["2024-01-01T09:00:00.000", "2024-01-01T10:00:00.000"]
    east = dt.datetime(2024, 1, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert _iso([east, dt.datetime(2024, 1, 1, 10)]) == ["2024-01-01T08:00:00.000", "2024-01-01T10:00:00.000"]


def test_text_no_format_reads_is_still_refused():
    with pytest.raises(TimeError, match="ISO 8601"): to_ms(["2024-01-01", "garbage"])
