"""A valid period longer than a year is warned with the fix 'embed a year at a time, e.g. `period=2024`, then
`period=2025`', the same two years whatever the period: for a 2022-2023 request the example named years outside it.
The example is now the first two years of the user's own period."""
import pytest

from alphaearth_nb.core import ExtrapolationWarning
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import support_window


@pytest.mark.parametrize("period,first", [((2022, 2023), 2022), (("2019-07-01", "2021-03-01"), 2019),
                                          ((2024, 2026), 2024)])
def test_the_example_years_are_the_periods_own(period, first):
    with pytest.warns(ExtrapolationWarning) as got:
        support_window(as_period(period), float(to_days("2018-01-03")), float(to_days("2027-12-28")))
    msg = str(got[0].message)
    assert f"e.g. `period={first}`, then `period={first + 1}`" in msg, msg
