"""A year out of 1900..2100 where only years are read (`official.open(bbox, 24)`, `mirrors.years_of`, `as_years`,
`as_year`) is told to be written in full, with no (start, end) pair of dates offered: those readers refuse the pair
('2024-01-01' is not a year). Was: 'years 24 is not a calendar year in 1900..2100: write the year in full (2024, not
24), or pass a year in that range, or a (start, end) pair such as ('2024-01-01', '2025-01-01')'. as_period, which
reads the pair, still offers it."""
import pytest

from alphaearth_nb import official
from alphaearth_nb.core import AEFError
from alphaearth_nb.mirrors import years_of
from alphaearth_nb.timecodes import as_period, as_year, as_years

PAIR = ("'2024-01-01', '2025-01-01'")


@pytest.mark.parametrize("call", [lambda: official.open((6.0, 45.0, 6.01, 45.01), 24),
                                  lambda: official.open((6.0, 45.0, 6.01, 45.01), (24, 25)),
                                  lambda: years_of([2023, 24]), lambda: as_years(10000), lambda: as_year(24)])
def test_years_readers_offer_no_date_pair(call):
    with pytest.raises(AEFError) as e: call()
    assert "not a calendar year" in str(e.value) and PAIR not in str(e.value), e.value
    with pytest.raises(AEFError): years_of(("2024-01-01", "2025-01-01"))   # what was offered: refused there


def test_a_period_still_offers_it():
    with pytest.raises(AEFError) as e: as_period(24)
    assert PAIR in str(e.value) and "(2024, not 24)" in str(e.value)
    assert as_period(("2024-01-01", "2025-01-01")).length_days == 366   # and reads it
