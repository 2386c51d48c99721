"""Bytes (b'24', np.bytes_, bytearray: a file's or an HDF5 attribute's text) are read by as_period and as_years as
their text: b'24' is refused as '24' is (write the year in full), b'2024' is 2024, and bytes that are no UTF-8 are a
PeriodError naming the decode. Was (9448032a): as_period(b'24') unpacked the two bytes as (start, end) = (50, 52),
'numbers [50] are not epoch milliseconds'; as_years(bytearray(b'2024')) read the year 50; as_years(b'\\xff\\xfe')
raised UnicodeDecodeError."""
import numpy as np
import pytest

from alphaearth_nb.core import PeriodError
from alphaearth_nb.periods import as_period, as_years


@pytest.mark.parametrize("b", [b"24", np.bytes_(b"24"), bytearray(b"24"), np.array(b"24")])
def test_bytes_of_a_short_year_are_refused_as_its_text(b):
    with pytest.raises(PeriodError) as e:
        as_period(b)
    with pytest.raises(PeriodError) as want:
        as_period("24")
    assert str(e.value) == str(want.value) and "milliseconds" not in str(e.value)


@pytest.mark.parametrize("b", [b"2024", np.bytes_(b"2024"), bytearray(b"2024")])
def test_bytes_of_a_year_are_that_year(b):
    assert as_period(b) == as_period(2024)
    assert as_years(b) == [2024]


def test_bytes_that_are_no_text_name_the_decode():
    for f in (as_period, as_years):
        with pytest.raises(PeriodError, match=r"no UTF-8 text.*decode|not a( calendar)? year"):
            f(b"\xff\xfe")
    with pytest.raises(PeriodError, match=r"no UTF-8 text \(invalid start byte at byte 0\): decode it"):
        as_period(b"\xff\xfe")
