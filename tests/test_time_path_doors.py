"""The path doors of timecodes (unwritten_years, column_years; rows of tests/test_path_doors.DOORS) take date text
for what it is: '1/2/24', '12/31/2020 1:05 PM' and '2020/12/31' hold a folder separator, which `is_path` reads as a
path, but they are dates (digits and a date's marks only), so they are read, not refused. A text with a file's
suffix or a `Path` is refused (test_path_doors)."""
import numpy as np
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.timecodes import column_years, to_ms, unwritten_years


def test_date_text_is_no_path():
    assert unwritten_years("1/2/24") == ["1/2/24"]
    assert unwritten_years("12/31/2020 1:05 PM") == []
    np.testing.assert_array_equal(column_years("2020/12/31"), [2020.0])
    np.testing.assert_array_equal(column_years("12/31/2020 1:05 PM"), [2020.0])
    assert to_ms("12/31/2020") == to_ms("2020-12-31")


def test_a_file_name_is_refused():
    with pytest.raises(DTypeError, match="got the path 'years.csv'"):
        column_years("years.csv")
