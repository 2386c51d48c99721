"""Bytes that are no UTF-8 text, given for a year or a period, are one PeriodError naming the decode wherever they
arrive: as_period's pair, as_years, Period's end. Was (7fa2bc8d): as_period((b'2020', b'\\xff')) raised Python's
UnicodeDecodeError ('utf-8' codec can't decode byte 0xff, from periods._coarse), and as_years(b'\\xff\\xfe') said
"'\\ufffd\\ufffd' is not a year" (decoded with errors='replace') where as_period(b'\\xff\\xfe') named the decode."""
import pytest

from alphaearth_nb.core import PeriodError
from alphaearth_nb.periods import Period, as_period, as_years

SAID = r"b'\\xff.*' is no UTF-8 text \(invalid start byte at byte \d\): decode it as its file's encoding"


@pytest.mark.parametrize("call", [lambda: as_period((b"2020", b"\xff")), lambda: as_period([b"2020-01-01", b"\xff"]),
                                  lambda: as_years(b"\xff\xfe"), lambda: as_years([b"2020", b"\xff"]),
                                  lambda: as_years((b"2020", bytearray(b"\xff"))), lambda: as_period(b"\xff\xfe"),
                                  lambda: Period("2020-01-01", b"\xff")])
def test_undecodable_bytes_name_the_decode(call):
    with pytest.raises(PeriodError, match=SAID):
        call()


def test_decodable_bytes_still_read():
    assert as_years((b"2020", bytearray(b"2022"))) == [2020, 2021, 2022]
    assert as_period((b"2020", b"2021")) == as_period((2020, 2021))
